package io.roster.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {
    @Test
    void replacesEveryOccurrenceAndRemembersTheOrder() {
        NamedSql sql = NamedSql.of("select :a, x::text from t where y >= :b and z <= :a and w = '10:30'");

        assertEquals("select ?, x::text from t where y >= ? and z <= ? and w = '10:30'", sql.sql());
        assertEquals(List.of("a", "b", "a"), sql.names());
    }

    @Test
    void bindsAValueAtEveryPlaceOfItsName() throws Exception {
        NamedSql sql = NamedSql.of("select :member, :now, :member");
        PreparedStatement ps = mock(PreparedStatement.class);

        sql.bind(ps, Map.of("member", "m", "now", 5));

        verify(ps).setObject(1, "m");
        verify(ps).setObject(2, 5);
        verify(ps).setObject(3, "m");
    }

    @Test
    void aMissingValueIsAnError() {
        NamedSql sql = NamedSql.of("select :member");

        assertThrows(IllegalArgumentException.class, () -> sql.bind(mock(PreparedStatement.class), Map.of()));
    }
}
