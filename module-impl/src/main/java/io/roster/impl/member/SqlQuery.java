package io.roster.impl.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A native SQL statement with its positional parameters, kept together so that the service and the query-plan tests
 * run exactly the same text.
 */
public record SqlQuery(String sql, List<Object> params) {

    /** Prepares the statement and binds the parameters: arrays become SQL arrays of their element types. */
    public PreparedStatement prepare(Connection c) throws SQLException {
        return prepare(c, sql);
    }

    /** Like {@link #prepare(Connection)} but with other text around the same parameters (e.g. EXPLAIN). */
    public PreparedStatement prepare(Connection c, String text) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof TextArray a) {
                ps.setArray(i + 1, c.createArrayOf("text", a.values()));
            } else if (p instanceof UuidArray a) {
                ps.setArray(i + 1, c.createArrayOf("uuid", a.values()));
            } else if (p instanceof java.time.Instant t) {
                ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** A {@code text[]} parameter. */
    public record TextArray(String[] values) {}

    /** A {@code uuid[]} parameter. */
    public record UuidArray(java.util.UUID[] values) {}
}
