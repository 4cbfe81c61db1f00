package io.roster.api.webhook;

import io.roster.api.security.Source;
import java.time.Instant;

/**
 * Something that changed in Roster, as webhooks deliver it and in-process listeners receive it. It names the record,
 * not its contents: a receiver reads the record through the API with its own permissions, so an event never carries
 * personal data past the receiver's scope or masking.
 *
 * @param id stable event id; a receiver deduplicates by it (deliveries are at least once)
 * @param type e.g. {@code member.created}, {@code interaction.corrected}
 * @param occurredAt when the change was made
 * @param entityType the kind of record, e.g. {@code member}
 * @param entityId the record, or {@code null} for changes to many records (e.g. {@code interaction.bulk-logged})
 * @param memberId the member concerned, or {@code null}
 * @param orgUnitId the member's unit, or {@code null}
 * @param actorId who made the change
 * @param source through what it came in
 */
public record DomainEvent(
        String id,
        String type,
        Instant occurredAt,
        String entityType,
        String entityId,
        String memberId,
        String orgUnitId,
        String actorId,
        Source source) {}
