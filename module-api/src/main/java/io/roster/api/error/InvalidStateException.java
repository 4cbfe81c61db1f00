package io.roster.api.error;

/** The operation is not allowed in the record's current state (e.g. editing an archived or merged member). */
public class InvalidStateException extends RosterException {
    private final String code;

    public InvalidStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
