package io.roster.api.common;

/**
 * Bounds of one page: how many items, and where to continue.
 *
 * @param limit how many items at most; 1 to {@link #MAX_LIMIT}
 * @param cursor the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The first page with the default limit. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /**
     * A page request from optional values as they arrive from a client.
     *
     * @param limit requested limit or {@code null} for {@link #DEFAULT_LIMIT}
     * @param cursor cursor or {@code null}
     * @throws io.roster.api.error.ValidationException when the limit is outside 1..{@link #MAX_LIMIT}
     */
    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw io.roster.api.error.ValidationException.of(
                    "limit", "range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effective, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
