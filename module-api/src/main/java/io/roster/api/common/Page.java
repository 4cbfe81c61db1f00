package io.roster.api.common;

import java.util.List;

/**
 * One page of a keyset-paginated list.
 *
 * @param items the items of this page, in the order the query asked for; never more than the query's limit
 * @param nextCursor opaque cursor for the next page, or {@code null} when this page is the last one
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** An empty last page. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }
}
