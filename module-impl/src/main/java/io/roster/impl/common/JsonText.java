package io.roster.impl.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.SQLException;
import java.util.Map;

/**
 * JSON columns read over plain JDBC ({@code jsonb} as text), parsed the way the persistence mapping parses them: plain
 * Jackson, numbers as Integer/Long/Double, objects as maps.
 */
public final class JsonText {
    /** The shared mapper: thread-safe once configured, and configured here only. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

    private JsonText() {}

    /** A JSON object as a map; SQL null as an empty map. */
    public static Map<String, Object> object(String text) throws SQLException {
        if (text == null) {
            return Map.of();
        }
        try {
            return OBJECT.readValue(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON object in a row", e);
        }
    }

    /** Any JSON value as a tree. */
    public static JsonNode tree(String text) throws SQLException {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in a row", e);
        }
    }

    /** A JSON value as the given type. */
    public static <T> T read(String text, TypeReference<T> type) throws SQLException {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in a row", e);
        }
    }
}
