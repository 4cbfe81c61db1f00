package io.roster.api.event;

import java.time.Instant;

/**
 * An event or training of a branch.
 *
 * @param id event id
 * @param orgUnitId the organising unit; the event is visible in its subtree's scope
 * @param kind event or training
 * @param title title
 * @param description plain text, or {@code null}
 * @param place where, or {@code null}
 * @param startsAt when it starts
 * @param endsAt when it ends, or {@code null}
 * @param capacity how many may register (registered + attended), or {@code null} for no limit
 * @param registered how many are registered or attended now
 * @param attended how many attended
 * @param version optimistic-lock version, the ETag
 */
public record Event(
        String id,
        String orgUnitId,
        EventKind kind,
        String title,
        String description,
        String place,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        int registered,
        int attended,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
