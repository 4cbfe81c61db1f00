package io.roster.impl.audit;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.webhook.DomainEvent;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.impl.common.RosterClock;
import io.roster.impl.webhook.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Appends audit entries in the transaction of the write they record: who (the current caller), when, through what,
 * in which request, which record, what changed. Entries are appended to one hash chain by the database function
 * {@code audit_append}, which holds the chain head's row lock until the transaction ends, so concurrent writers
 * append one after another and the chain has no forks. The table is append-only; a trigger refuses UPDATE and
 * DELETE.
 *
 * <p>A write is also a {@link DomainEvent}: written to the webhook outbox in the same transaction, and fired as a CDI
 * event that in-process listeners receive after commit. So any module that records its writes here (tasks,
 * deliveries) publishes them too.
 */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext callers;

    @Inject
    RosterClock clock;

    @Inject
    Outbox outbox;

    @Inject
    Event<DomainEvent> events;

    /**
     * Records a write, and publishes it as a domain event.
     *
     * @param action e.g. {@code interaction.created}; also the event type
     * @param entityType e.g. {@code interaction}
     * @param changes field → {@code {from, to}} for changes, or the created record's snapshot
     */
    public void record(String action, String entityType, UUID entityId, UUID memberId, Map<String, ?> changes) {
        Caller caller = callers.current();
        UUID id = Ids.newUuid();
        // microseconds, as PostgreSQL keeps them, so the event and the entry carry the same time
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        UUID orgUnitId = append(id, now, caller, action, entityType, entityId, memberId, Json.write(changes));
        outbox.publish(id, action, now, entityType, entityId, memberId, orgUnitId);
        events.fire(new DomainEvent(
                id.toString(),
                action,
                now,
                entityType,
                entityId == null ? null : entityId.toString(),
                memberId == null ? null : memberId.toString(),
                orgUnitId == null ? null : orgUnitId.toString(),
                caller.id(),
                caller.source()));
    }

    /**
     * Records that the current caller was shown a member's unmasked contact details. In a transaction of its own
     * when there is none: a read must be recorded even though it changes nothing.
     */
    @Transactional
    public void recordContactRead(String memberId, String orgUnitId) {
        Caller caller = callers.current();
        UUID member = Ids.parse(memberId).orElseThrow();
        append(
                Ids.newUuid(),
                clock.now().truncatedTo(ChronoUnit.MICROS),
                caller,
                "member.contacts-read",
                "member",
                member,
                member,
                "{}");
    }

    private UUID append(
            UUID id,
            Instant at,
            Caller caller,
            String action,
            String entityType,
            UUID entityId,
            UUID memberId,
            String changesJson) {
        Object[] row = (Object[])
                em.createNativeQuery("select audit_append(cast(?1 as uuid), cast(?2 as timestamptz), cast(?3 as text),"
                                + " cast(?4 as text), cast(?5 as text), cast(?6 as text), cast(?7 as text),"
                                + " cast(?8 as text), cast(?9 as uuid), u.member_id, u.org_unit_id,"
                                + " cast(?11 as text), cast(?12 as jsonb)), u.org_unit_id"
                                + " from (select cast(?10 as uuid) as member_id, (select m.org_unit_id from member m"
                                + " where m.id = cast(?10 as uuid)) as org_unit_id) u")
                        .setParameter(1, id)
                        .setParameter(2, at)
                        .setParameter(3, caller.id())
                        .setParameter(4, caller.kind().name())
                        .setParameter(5, caller.displayName())
                        .setParameter(6, caller.source().name())
                        .setParameter(7, action)
                        .setParameter(8, entityType)
                        .setParameter(9, entityId)
                        .setParameter(10, memberId)
                        .setParameter(11, callers.requestId())
                        .setParameter(12, changesJson)
                        .getSingleResult();
        return (UUID) row[1];
    }
}
