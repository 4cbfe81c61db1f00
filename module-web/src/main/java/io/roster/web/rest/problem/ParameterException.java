package io.roster.web.rest.problem;

import io.roster.api.error.FieldError;
import java.util.List;

/** A malformed query parameter or header: answered with 400 and the parameter's name as the path. */
public class ParameterException extends RuntimeException {
    private final List<FieldError> errors;

    public ParameterException(String name, String message) {
        super(message, null, false, false);
        this.errors = List.of(new FieldError(name, "invalid-parameter", message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
