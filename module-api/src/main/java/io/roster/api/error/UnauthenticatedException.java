package io.roster.api.error;

/** No valid credentials came with the call. */
public class UnauthenticatedException extends RosterException {
    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unauthenticated";
    }
}
