package io.roster.impl.interaction;

import io.roster.api.interaction.ContactFacts;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.Outcome;
import io.roster.impl.common.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

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

    /**
     * The contacts of member {@code m.id} in the last 30 and 90 days as of {@code :now} (interactions that count as
     * contact, and attendance), as columns {@code contacts_30d, contacts_90d}: a lateral subquery for any statement
     * that has the member as {@code m} and binds {@code :d30 :d90 :now}.
     */
    public static final String COUNTS = "select"
            + " (select count(*) filter (where i.occurred_at >= :d30) from interaction i"
            + "   join interaction_type t on t.key = i.type where i.member_id = m.id"
            + "   and i.deleted_at is null and t.counts_as_contact and i.occurred_at >= :d90 and i.occurred_at <= :now)"
            + " + (select count(*) filter (where e.starts_at >= :d30) from event_attendance a"
            + "   join event e on e.id = a.event_id where a.member_id = m.id and a.status = 'ATTENDED'"
            + "   and e.starts_at >= :d90 and e.starts_at <= :now) as contacts_30d,"
            + " (select count(*) from interaction i join interaction_type t on t.key = i.type"
            + "   where i.member_id = m.id and i.deleted_at is null and t.counts_as_contact"
            + "   and i.occurred_at >= :d90 and i.occurred_at <= :now)"
            + " + (select count(*) from event_attendance a join event e on e.id = a.event_id"
            + "   where a.member_id = m.id and a.status = 'ATTENDED' and e.starts_at >= :d90 and e.starts_at <= :now)"
            + " as contacts_90d";

    static final NamedSql FACTS = NamedSql.of(
            "select m.last_contact_at, m.last_contact_channel, m.last_outcome, f.contacts_30d, f.contacts_90d"
                    + " from member m cross join lateral (" + COUNTS + ") f where m.id = :member");

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

    /**
     * The member's facts, counting the last 30 and 90 days as of {@code now}. Read over the transaction's connection
     * (what it has flushed), without flushing the persistence context first: a profile read stays a read.
     */
    public ContactFacts facts(UUID memberId, Instant now) {
        Map<String, Object> values = new HashMap<>(countParameters(now));
        values.put("member", memberId);
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(FACTS.sql())) {
                FACTS.bind(ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("member " + memberId + " vanished");
                    }
                    return read(rs, 1);
                }
            }
        });
    }

    /** The values of {@link #COUNTS}' parameters as of {@code now}. */
    public static Map<String, Object> countParameters(Instant now) {
        return Map.of(
                "d30", now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC),
                "d90", now.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC),
                "now", now.atOffset(ZoneOffset.UTC));
    }

    /**
     * Reads facts from five columns starting at {@code first}: last contact at, its channel, its outcome, contacts in
     * 30 days, in 90 days.
     */
    public static ContactFacts read(ResultSet rs, int first) throws SQLException {
        OffsetDateTime last = rs.getObject(first, OffsetDateTime.class);
        String channel = rs.getString(first + 1);
        String outcome = rs.getString(first + 2);
        return new ContactFacts(
                last == null ? null : last.toInstant(),
                channel == null ? null : InteractionChannel.valueOf(channel),
                outcome == null ? null : Outcome.valueOf(outcome),
                rs.getInt(first + 3),
                rs.getInt(first + 4));
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
