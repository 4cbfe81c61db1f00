package io.roster.api.error;

/** The change conflicts with the current state of other records (a unique value taken, a duplicate). */
public class ConflictException extends RosterException {
    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
