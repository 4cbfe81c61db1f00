package io.roster.api.audit;

import io.roster.api.security.CallerKind;
import io.roster.api.security.Source;
import java.time.Instant;

/**
 * One row of the audit trail: a write, or a read of a member's unmasked contact details.
 *
 * @param id entry id
 * @param sequence its place in the hash chain (1, 2, …)
 * @param occurredAt when
 * @param actorId who: an API key id, a staff id, or {@code system}
 * @param actorKind what kind of principal
 * @param actorName the actor's name at the time
 * @param source through what the call came in: UI, API, BOT, IMPORT, SYSTEM
 * @param action what happened, e.g. {@code member.updated}, {@code member.contacts-read}
 * @param entityType the kind of record, e.g. {@code member}
 * @param entityId the record, or {@code null} for actions on many records
 * @param memberId the member whose data it was, or {@code null}
 * @param orgUnitId the member's unit at the time, or {@code null}
 * @param requestId the id of the HTTP request ({@code X-Request-Id}), or {@code null}
 * @param changes what changed, as JSON text: field → {@code {"from", "to"}} for changes, the whole record for creations
 * @param hash the entry's hash in the chain, hex
 */
public record AuditEntry(
        String id,
        long sequence,
        Instant occurredAt,
        String actorId,
        CallerKind actorKind,
        String actorName,
        Source source,
        String action,
        String entityType,
        String entityId,
        String memberId,
        String orgUnitId,
        String requestId,
        String changes,
        String hash) {}
