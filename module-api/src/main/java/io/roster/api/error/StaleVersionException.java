package io.roster.api.error;

/** The caller changed a record on the basis of a version that is no longer current. */
public class StaleVersionException extends RosterException {
    private final long currentVersion;

    public StaleVersionException(String resource, long currentVersion) {
        super(
                currentVersion < 0
                        ? resource + " was changed by someone else meanwhile"
                        : resource + " was changed by someone else; its current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    /** The version the record has now, or -1 when a concurrent change made it unknown. */
    public long currentVersion() {
        return currentVersion;
    }

    @Override
    public String code() {
        return "stale-version";
    }
}
