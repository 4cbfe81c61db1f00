package io.roster.web.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roster.impl.common.JsonObjectText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTextJsonTest {
    private final ObjectMapper mapper = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());

    record Entry(String title, Map<String, Object> data) {}

    @Test
    void theDatabasesTextIsWrittenAsItIs() throws Exception {
        String text = "{\"note\": \"Ґанок, під'їзд №2 — «ё»\", \"n\": 3}";
        String json = mapper.writeValueAsString(new Entry("Звонок", JsonObjectText.of(text)));
        assertEquals("{\"title\":\"Звонок\",\"data\":" + text + "}", json);
        assertEquals(
                Map.of("note", "Ґанок, під'їзд №2 — «ё»", "n", 3),
                mapper.readValue(json, Entry.class).data());
    }

    @Test
    void aTreeGetsTheParsedObject() {
        JsonNode tree = mapper.valueToTree(new Entry("x", JsonObjectText.of("{\"a\": [1, \"б\"]}")));
        assertEquals("б", tree.at("/data/a/1").asText());
        assertEquals(1, tree.at("/data/a/0").asInt());
    }
}
