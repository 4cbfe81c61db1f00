package io.roster.impl.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The webhook outbox. An event is written in the transaction of the change it reports, together with one pending
 * delivery for every active subscription that wants its type and may see its record; a rolled-back change leaves no
 * event, and a committed one is delivered even if the server stops right after. When no subscription wants an event,
 * nothing is written, so installations without webhooks pay one indexed lookup per write.
 */
@ApplicationScoped
public class Outbox {
    @PersistenceContext
    EntityManager em;

    /**
     * Publishes an event in the current transaction.
     *
     * @param eventId the stable event id receivers deduplicate by
     * @param type e.g. {@code member.updated}
     */
    public void publish(
            UUID eventId, String type, Instant at, String entityType, UUID entityId, UUID memberId, UUID orgUnitId) {
        String family = type.contains(".") ? type.substring(0, type.indexOf('.')) + ".*" : type;
        em.createNativeQuery("with wanted as ("
                        + " select s.id from webhook_subscription s"
                        + " where s.active and s.deleted_at is null"
                        + "   and s.event_types && array[cast(?2 as text), cast(?8 as text), '*']"
                        + "   and (s.unrestricted or exists (select 1 from org_unit u join org_unit r"
                        + "        on u.path <@ r.path where u.id = cast(?7 as uuid) and r.id = any(s.org_unit_ids)))),"
                        + " ev as (insert into webhook_event (id, type, occurred_at, entity_type, entity_id, member_id,"
                        + "   org_unit_id, payload)"
                        + "   select cast(?1 as uuid), cast(?2 as text), cast(?3 as timestamptz), cast(?4 as text),"
                        + "     cast(?5 as uuid), cast(?6 as uuid), cast(?7 as uuid), jsonb_build_object("
                        + "       'id', cast(?1 as text), 'type', cast(?2 as text),"
                        + "       'occurredAt', to_char(cast(?3 as timestamptz) at time zone 'UTC',"
                        + "         'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
                        + "       'data', jsonb_strip_nulls(jsonb_build_object('entityType', cast(?4 as text),"
                        + "         'entityId', cast(?5 as text), 'memberId', cast(?6 as text),"
                        + "         'orgUnitId', cast(?7 as text))))"
                        + "   where exists (select 1 from wanted) returning id)"
                        + " insert into webhook_delivery (id, subscription_id, event_id, status, next_attempt_at,"
                        + "   created_at)"
                        + " select gen_random_uuid(), w.id, ev.id, 'PENDING', cast(?3 as timestamptz),"
                        + "   cast(?3 as timestamptz) from wanted w cross join ev")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, at)
                .setParameter(4, entityType)
                .setParameter(5, entityId)
                .setParameter(6, memberId)
                .setParameter(7, orgUnitId)
                .setParameter(8, family)
                .executeUpdate();
    }
}
