package io.roster.api.timeline;

import io.roster.api.common.PageRequest;
import java.time.Instant;
import java.util.Set;

/**
 * A page of a member's timeline, newest first.
 *
 * @param memberId the member
 * @param kinds only these kinds (empty: all)
 * @param types only these types (empty: all)
 * @param channels only these channels (empty: all)
 * @param from only entries at or after this instant
 * @param to only entries before this instant
 * @param page page bounds
 */
public record TimelineQuery(
        String memberId,
        Set<EntryKind> kinds,
        Set<String> types,
        Set<String> channels,
        Instant from,
        Instant to,
        PageRequest page) {}
