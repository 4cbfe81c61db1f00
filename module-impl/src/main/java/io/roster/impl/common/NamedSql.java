package io.roster.impl.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with named parameters ({@code :name}) for plain JDBC, whose parameters are positional: the names are replaced by
 * {@code ?} once, and their order is remembered so that a value given once is bound at every place its name occurs.
 * Casts ({@code ::text}) are left alone; the parser does not know string literals, so keep {@code :word} out of them.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
public record NamedSql(String sql, List<String> names) {
    private static final Pattern NAME = Pattern.compile("(?<!:):([a-z][a-z0-9_]*)\\b");

    /** Parses {@code named} once; keep the result in a constant. */
    public static NamedSql of(String named) {
        Matcher m = NAME.matcher(named);
        List<String> names = m.results().map(r -> r.group(1)).toList();
        return new NamedSql(NAME.matcher(named).replaceAll("?"), names);
    }

    /** Binds every placeholder from {@code values} by name; a name without a value is an error of the caller. */
    public void bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            ps.setObject(i + 1, values.get(name));
        }
    }
}
