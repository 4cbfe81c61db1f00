package io.roster.impl.interaction;

import io.roster.api.interaction.ContactFacts;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps a member's last contact (when, channel, outcome) on the member row, in the transaction of the interaction or
 * attendance that changes it, so "not contacted for N days" is one indexed predicate. Counts over the last 30/90
 * days change with the clock, not with writes, so they are counted when read, from the (member, time) index.
 */
@ApplicationScoped
public class ContactFactsStore {
    static final String RECOMPUTE = "update member m set last_contact_at = c.at, last_contact_channel = c.channel,"
            + " last_outcome = c.outcome from unnest(cast(?1 as uuid[])) as x(mid) left join lateral ("
            + "   select at, channel, outcome from ("
            + "     (select i.occurred_at as at, i.channel, i.outcome from interaction i"
            + "       join interaction_type t on t.key = i.type"
            + "       where i.member_id = x.mid and i.deleted_at is null and t.counts_as_contact"
            + "       order by i.occurred_at desc, i.id desc limit 1)"
            + "     union all"
            + "     (select e.starts_at, 'IN_PERSON', null from event_attendance a join event e on e.id = a.event_id"
            + "       where a.member_id = x.mid and a.status = 'ATTENDED' order by e.starts_at desc limit 1)"
            + "   ) u order by at desc limit 1) c on true where m.id = x.mid";

    @PersistenceContext
    EntityManager em;

    /** A contact at {@code at}; it becomes the last one unless a later one is known. */
    public void recordContact(UUID memberId, Instant at, InteractionChannel channel, Outcome outcome) {
        recordContacts(List.of(memberId), at, channel, outcome);
    }

    /** The same contact for many members, in one statement. */
    public void recordContacts(List<UUID> memberIds, Instant at, InteractionChannel channel, Outcome outcome) {
        em.createNativeQuery("update member set last_contact_at = ?1, last_contact_channel = ?2, last_outcome = ?3"
                        + " where id = any(?4) and (last_contact_at is null or last_contact_at <= ?1)")
                .setParameter(1, at)
                .setParameter(2, channel.name())
                .setParameter(3, outcome == null ? null : outcome.name())
                .setParameter(4, memberIds.toArray(UUID[]::new))
                .executeUpdate();
    }

    /** Recomputes the last contact from the history, after a correction or deletion changed it. */
    public void recompute(UUID memberId) {
        recompute(List.of(memberId));
    }

    /** Recomputes the last contact of many members in one statement (an attendance sheet undone). */
    public void recompute(java.util.Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        em.createNativeQuery(RECOMPUTE)
                .setParameter(1, memberIds.toArray(UUID[]::new))
                .executeUpdate();
    }

    /** The member's facts, counting the last 30 and 90 days as of {@code now}. */
    public ContactFacts facts(UUID memberId, Instant now) {
        Instant d30 = now.minus(Duration.ofDays(30));
        Instant d90 = now.minus(Duration.ofDays(90));
        Object[] row = (Object[]) em.createNativeQuery(
                        "select m.last_contact_at, m.last_contact_channel, m.last_outcome,"
                                + " (select count(*) filter (where i.occurred_at >= ?2) from interaction i"
                                + "   join interaction_type t on t.key = i.type where i.member_id = m.id"
                                + "   and i.deleted_at is null and t.counts_as_contact and i.occurred_at >= ?3"
                                + "   and i.occurred_at <= ?4)"
                                + " + (select count(*) filter (where e.starts_at >= ?2) from event_attendance a"
                                + "   join event e on e.id = a.event_id where a.member_id = m.id and a.status = 'ATTENDED'"
                                + "   and e.starts_at >= ?3 and e.starts_at <= ?4),"
                                + " (select count(*) from interaction i join interaction_type t on t.key = i.type"
                                + "   where i.member_id = m.id and i.deleted_at is null and t.counts_as_contact"
                                + "   and i.occurred_at >= ?3 and i.occurred_at <= ?4)"
                                + " + (select count(*) from event_attendance a join event e on e.id = a.event_id"
                                + "   where a.member_id = m.id and a.status = 'ATTENDED' and e.starts_at >= ?3"
                                + "   and e.starts_at <= ?4)"
                                + " from member m where m.id = ?1",
                        Object[].class)
                .setParameter(1, memberId)
                .setParameter(2, d30)
                .setParameter(3, d90)
                .setParameter(4, now)
                .getSingleResult();
        return new ContactFacts(
                toInstant(row[0]),
                row[1] == null ? null : InteractionChannel.valueOf((String) row[1]),
                row[2] == null ? null : Outcome.valueOf((String) row[2]),
                ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue());
    }

    static Instant toInstant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + o.getClass());
    }
}
