package io.roster.impl.org;

/**
 * An org unit's time zone in force: its own, else the nearest ancestor's that sets one. Quiet hours of broadcasts and
 * the times the bot writes both read it; the configured default applies where this finds none.
 */
public final class UnitTimeZones {

    /**
     * A scalar SQL expression for the time zone in force at a unit; {@code %s} is the unit's {@code path} (an ltree
     * expression, e.g. {@code u.path}). {@code null} when neither the unit nor an ancestor sets one.
     */
    public static final String NEAREST = "(select a.time_zone from org_unit a where a.path @> %s"
            + " and a.time_zone is not null order by nlevel(a.path) desc limit 1)";

    private UnitTimeZones() {}

    /** {@link #NEAREST} for the unit path expression {@code path}. */
    public static String nearest(String path) {
        return String.format(NEAREST, path);
    }
}
