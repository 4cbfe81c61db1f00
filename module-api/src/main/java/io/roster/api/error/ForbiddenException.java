package io.roster.api.error;

/** The caller is known but lacks the permission the operation needs. */
public class ForbiddenException extends RosterException {
    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
