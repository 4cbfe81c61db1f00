package io.roster.api.event;

import io.roster.api.common.PageRequest;
import java.time.Instant;

/**
 * Events in scope, by start time.
 *
 * @param orgUnitId only events of this unit's subtree, or {@code null}
 * @param from only events starting at or after this, or {@code null}
 * @param to only events starting before this, or {@code null}
 * @param page page bounds
 */
public record EventQuery(String orgUnitId, Instant from, Instant to, PageRequest page) {}
