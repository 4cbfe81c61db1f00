package io.roster.api.error;

/**
 * The record does not exist, or exists outside the caller's org-unit scope (the two are deliberately
 * indistinguishable).
 */
public class NotFoundException extends RosterException {
    private final String resource;

    public NotFoundException(String resource, String id) {
        super(resource + " " + id + " was not found");
        this.resource = resource;
    }

    /** The kind of record that was looked for, e.g. {@code member}. */
    public String resource() {
        return resource;
    }

    @Override
    public String code() {
        return "not-found";
    }
}
