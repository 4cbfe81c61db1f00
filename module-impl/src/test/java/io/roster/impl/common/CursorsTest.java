package io.roster.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roster.api.error.ValidationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CursorsTest {
    @Test
    void valuesRoundTripIncludingCyrillicAndNulls() {
        String c = Cursors.encode("list", "сутягин иван", null, 42);
        assertEquals(Arrays.asList("сутягин иван", null, "42"), Cursors.decode(c, "list", 3));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String c = Cursors.encode("one", "x");
        ValidationException e = assertThrows(ValidationException.class, () -> Cursors.decode(c, "two", 1));
        assertEquals("cursor", e.errors().get(0).path());
    }

    @Test
    void garbageIsRefusedWithTheCursorPath() {
        assertEquals(
                "invalid-cursor",
                assertThrows(ValidationException.class, () -> Cursors.decode("%%%not base64", "one", 1))
                        .errors()
                        .get(0)
                        .code());
        assertThrows(ValidationException.class, () -> Cursors.decode(Cursors.encode("one", "a", "b"), "one", 1));
    }
}
