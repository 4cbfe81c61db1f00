package io.roster.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roster.api.common.Page;
import java.util.List;
import java.util.function.Function;

/**
 * A page as JSON: {@code {"items": [...], "nextCursor": "..." | null}}.
 *
 * @param items this page's items
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last page
 */
public record PageJson<T>(
        List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    public static <A, T> PageJson<T> of(Page<A> page, Function<A, T> mapper) {
        return new PageJson<>(page.items().stream().map(mapper).toList(), page.nextCursor());
    }

    public static <T> PageJson<T> of(Page<T> page) {
        return new PageJson<>(page.items(), page.nextCursor());
    }
}
