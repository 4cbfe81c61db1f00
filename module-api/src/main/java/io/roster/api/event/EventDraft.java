package io.roster.api.event;

import java.time.Instant;

/** Input for an event, and what a change function transforms; see {@link Event} for the fields. */
public record EventDraft(
        String orgUnitId,
        EventKind kind,
        String title,
        String description,
        String place,
        Instant startsAt,
        Instant endsAt,
        Integer capacity) {}
