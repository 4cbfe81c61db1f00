package io.roster.web.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Reads request bodies with the API's one ObjectMapper. Resources take bodies as text so that the exact bytes can be
 * fingerprinted for idempotency and merge-patched; errors surface as {@link JsonInputException} with field paths.
 */
@ApplicationScoped
public class JsonBodies {
    @Inject
    ObjectMapper mapper;

    public <T> T read(String body, Class<T> type) {
        try {
            if (body == null || body.isBlank()) {
                throw new JsonInputException(null, "a JSON body is required");
            }
            requireOneValue(body);
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new JsonInputException(e, null);
        }
    }

    /**
     * A JSON text is exactly one value. Jackson reports content after it as a mismatched input, which would read as
     * a body of the wrong type; it is malformed JSON.
     */
    private void requireOneValue(String body) throws JsonProcessingException {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            if (p.nextToken() != null) {
                p.skipChildren();
                if (p.nextToken() != null) {
                    throw new JsonInputException(
                            null, "the body is not valid JSON: there is more after its first value");
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonInputException(null, "the body could not be read");
        }
    }

    public JsonNode tree(String body) {
        return read(body, JsonNode.class);
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new JsonInputException(e, null);
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(e.getCause() instanceof JsonProcessingException j ? j : null, null);
        }
    }

    /**
     * A JSON Merge Patch body as a function over the current state, for the services' update methods: the patch is
     * read (and refused unless it is an object) before the service runs; the function applies it to whatever state
     * the service hands it, inside its transaction.
     */
    public <T> java.util.function.UnaryOperator<T> mergePatch(String body, Class<T> type) {
        JsonNode patch = tree(body);
        if (!patch.isObject()) {
            throw io.roster.api.error.ValidationException.of("", "not-an-object", "a merge patch is a JSON object");
        }
        return current -> convert(MergePatch.apply(toTree(current), patch), type);
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A body that is not JSON, or not JSON of the expected shape. */
    public static class JsonInputException extends RuntimeException {
        private final transient JsonProcessingException jsonError;

        public JsonInputException(JsonProcessingException jsonError, String message) {
            super(message == null ? "malformed JSON" : message, null, false, false);
            this.jsonError = jsonError;
        }

        public JsonProcessingException jsonError() {
            return jsonError;
        }
    }
}
