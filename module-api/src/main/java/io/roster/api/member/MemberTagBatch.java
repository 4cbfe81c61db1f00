package io.roster.api.member;

import java.util.List;

/**
 * Tags to add to and remove from many members at once.
 *
 * @param memberIds the members, 1–{@link #MAX_MEMBERS}, each at most once
 * @param add tags to add (kept where present), or {@code null}
 * @param remove tags to remove (ignored where absent), or {@code null}; at least one tag in {@code add} or
 *     {@code remove}
 */
public record MemberTagBatch(List<String> memberIds, List<String> add, List<String> remove) {
    /** The most members one batch changes. */
    public static final int MAX_MEMBERS = 1000;
}
