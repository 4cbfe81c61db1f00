package io.roster.api.error;

import java.util.List;

/** The input is well-formed but breaks one or more rules; nothing was changed. */
public class ValidationException extends RosterException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** A validation failure of one field. */
    public static ValidationException of(String path, String code, String message) {
        return new ValidationException(List.of(new FieldError(path, code, message)));
    }

    /** Every reason, each with its field path; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String code() {
        return "validation";
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).path() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
