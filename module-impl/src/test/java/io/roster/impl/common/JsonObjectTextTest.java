package io.roster.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTextTest {
    private static final String TEXT =
            "{\"to\": \"MEMBER\", \"from\": \"SUPPORTER\", \"note\": \"Ґанок, під'їзд №2\", \"n\": 3, \"tags\": [\"ё\"]}";

    @Test
    void isTheMapTheTextDescribesAndKeepsTheTextAsItIs() {
        Map<String, Object> data = JsonObjectText.of(TEXT);
        assertEquals(TEXT, ((JsonObjectText) data).json());
        assertEquals(5, data.size());
        assertEquals("Ґанок, під'їзд №2", data.get("note"));
        assertEquals(3, data.get("n"));
        assertEquals(List.of("ё"), data.get("tags"));
        assertTrue(data.containsKey("from"));
        assertNull(data.get("absent"));
        assertEquals(List.of("to", "from", "note", "n", "tags"), List.copyOf(data.keySet()), "the text's order");
        Map<String, Object> same = new LinkedHashMap<>(data);
        assertEquals(same, data);
        assertEquals(data, same);
        assertEquals(same.hashCode(), data.hashCode());
    }

    @Test
    void cannotBeChanged() {
        Map<String, Object> data = JsonObjectText.of("{\"a\": 1}");
        assertThrows(UnsupportedOperationException.class, () -> data.put("b", 2));
        assertThrows(UnsupportedOperationException.class, () -> data.entrySet().clear());
        assertEquals(Map.of("a", 1), data);
    }

    @Test
    void sqlNullIsAnEmptyMap() {
        assertSame(Map.of(), JsonObjectText.of(null));
        assertFalse(JsonObjectText.of("{}").containsKey("a"));
        assertTrue(JsonObjectText.of("{}").isEmpty());
    }
}
