package io.roster.web.rest.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.pipeline.Placement;
import java.util.ArrayList;
import java.util.List;

/** Reads the placement fields off a card body, leaving the draft's fields. */
final class PlacementFields {
    private PlacementFields() {}

    static Placement take(JsonNode body) {
        if (!(body instanceof ObjectNode o)) {
            return Placement.NONE;
        }
        List<FieldError> errors = new ArrayList<>();
        String after = text(o.remove("afterId"), "afterId", errors);
        String before = text(o.remove("beforeId"), "beforeId", errors);
        JsonNode override = o.remove("overrideWipLimit");
        boolean overrideWip = false;
        if (override != null && !override.isNull()) {
            if (!override.isBoolean()) {
                errors.add(new FieldError("overrideWipLimit", "wrong-type", "expected true or false"));
            } else {
                overrideWip = override.booleanValue();
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Placement(after, before, overrideWip);
    }

    private static String text(JsonNode n, String path, List<FieldError> errors) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(path, "wrong-type", "expected a string"));
            return null;
        }
        return n.asText();
    }
}
