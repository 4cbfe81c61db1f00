package io.roster.impl.common;

import io.roster.api.common.RawJson;
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object read from a {@code jsonb} column, kept as the database's text and parsed only when someone looks into
 * it. To a Java caller it is an ordinary unmodifiable map (parsed as {@link JsonText#object} parses); the REST layer
 * writes its text as it is ({@link RawJson}), so a timeline page's fifty {@code data} objects go from PostgreSQL to the response without
 * being parsed into maps and serialised again.
 */
public final class JsonObjectText extends AbstractMap<String, Object> implements RawJson {
    private final String json;
    private Map<String, Object> parsed;

    private JsonObjectText(String json) {
        this.json = json;
    }

    /**
     * The object in a column's text.
     *
     * @param json the text of a {@code jsonb} object as PostgreSQL returns it, or {@code null} for an empty map
     */
    public static Map<String, Object> of(String json) {
        return json == null ? Map.of() : new JsonObjectText(json);
    }

    /** The object's JSON text, exactly as the database returned it. */
    @Override
    public String json() {
        return json;
    }

    private Map<String, Object> parsed() {
        // A race parses twice at worst; the unmodifiable wrapper's final field publishes the map it wraps safely.
        Map<String, Object> p = parsed;
        if (p == null) {
            try {
                p = Collections.unmodifiableMap(JsonText.object(json));
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            parsed = p;
        }
        return p;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public Object get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public int size() {
        return parsed().size();
    }
}
