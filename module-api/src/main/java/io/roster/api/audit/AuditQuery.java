package io.roster.api.audit;

import io.roster.api.common.PageRequest;
import java.time.Instant;

/**
 * What to look for in the audit trail; filters combine. Entries come newest first.
 *
 * @param memberId only entries about this member, or {@code null}
 * @param actorId only entries by this actor, or {@code null}
 * @param from only entries at or after this time, or {@code null}
 * @param to only entries before this time, or {@code null}
 * @param page page bounds
 */
public record AuditQuery(String memberId, String actorId, Instant from, Instant to, PageRequest page) {}
