package io.roster.api.error;

/**
 * Root of the one unchecked exception family that Roster's services throw. Each subclass has a stable
 * {@link #code()} that the REST layer turns into a problem type URI; the message is a human-readable detail that
 * never carries personal data.
 */
public abstract class RosterException extends RuntimeException {
    protected RosterException(String message) {
        super(message);
    }

    protected RosterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Stable, kebab-case code of the problem, e.g. {@code not-found}. */
    public abstract String code();
}
