package io.roster.impl.audit;

import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.impl.common.RosterClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/**
 * Appends audit events in the transaction of the write they record: who (the current caller), when, through what,
 * which record, what changed. The table is append-only; nothing in Roster updates or deletes its rows.
 */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext callers;

    @Inject
    RosterClock clock;

    /**
     * Records a write.
     *
     * @param action e.g. {@code interaction.created}
     * @param entityType e.g. {@code interaction}
     * @param changes field → {@code {from, to}} for changes, or the created record's snapshot
     */
    public void record(String action, String entityType, UUID entityId, UUID memberId, Map<String, ?> changes) {
        Caller caller = callers.current();
        em.createNativeQuery(
                        "insert into audit_event (id, occurred_at, actor_id, actor_kind, actor_name, source, action,"
                                + " entity_type, entity_id, member_id, changes) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                + " ?10, cast(?11 as jsonb))")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, clock.now())
                .setParameter(3, caller.id())
                .setParameter(4, caller.kind().name())
                .setParameter(5, caller.displayName())
                .setParameter(6, caller.source().name())
                .setParameter(7, action)
                .setParameter(8, entityType)
                .setParameter(9, entityId)
                .setParameter(10, memberId)
                .setParameter(11, Json.write(changes))
                .executeUpdate();
    }
}
