package io.roster.impl.timeline;

import io.roster.api.timeline.EntryKind;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes timeline entries in the caller's transaction, so an entry exists exactly when the change it records does.
 * Entries about an interaction or an event are kept one per (member, kind, ref) and updated in place.
 */
@ApplicationScoped
public class TimelineWriter {
    @PersistenceContext
    EntityManager em;

    /** Appends an entry (status, org unit and consent changes). */
    public void append(
            UUID memberId,
            EntryKind kind,
            Instant at,
            String type,
            String channel,
            String title,
            Map<String, Object> data) {
        insert(Ids.newUuid(), memberId, kind, at, type, channel, null, title, data);
    }

    /** Appends an entry about a record that may have many entries (a card's creation, moves, closing). */
    public void appendAbout(
            UUID memberId,
            EntryKind kind,
            UUID refId,
            Instant at,
            String type,
            String title,
            Map<String, Object> data) {
        insert(Ids.newUuid(), memberId, kind, at, type, null, refId, title, data);
    }

    /** Creates or replaces the entry of a member about an interaction or event. */
    public void put(
            UUID entryId,
            UUID memberId,
            EntryKind kind,
            UUID refId,
            Instant at,
            String type,
            String channel,
            String title,
            Map<String, Object> data) {
        em.createNativeQuery(
                        "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title,"
                                + " data) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))"
                                + " on conflict (member_id, kind, ref_id) where kind in ('INTERACTION', 'ATTENDANCE')"
                                + " do update set occurred_at = excluded.occurred_at, type = excluded.type,"
                                + " channel = excluded.channel, title = excluded.title, data = excluded.data")
                .setParameter(1, entryId)
                .setParameter(2, memberId)
                .setParameter(3, kind.name())
                .setParameter(4, at)
                .setParameter(5, type)
                .setParameter(6, channel)
                .setParameter(7, refId)
                .setParameter(8, title)
                .setParameter(9, Json.write(data))
                .executeUpdate();
    }

    /** Removes the entry of a member about an interaction or event. */
    public void remove(UUID memberId, EntryKind kind, UUID refId) {
        em.createNativeQuery("delete from timeline_entry where member_id = ?1 and kind = ?2 and ref_id = ?3")
                .setParameter(1, memberId)
                .setParameter(2, kind.name())
                .setParameter(3, refId)
                .executeUpdate();
    }

    /**
     * Moves a merged-away member's timeline to the survivor. An entry about an interaction or event both had is kept
     * once (the survivor's); entries about a card are a sequence of events and all move.
     */
    public void moveAll(UUID fromMember, UUID toMember) {
        em.createNativeQuery("delete from timeline_entry f where f.member_id = ?1 and f.ref_id is not null"
                        + " and f.kind in ('INTERACTION', 'ATTENDANCE') and exists"
                        + " (select 1 from timeline_entry t where t.member_id = ?2 and t.kind = f.kind"
                        + " and t.ref_id = f.ref_id)")
                .setParameter(1, fromMember)
                .setParameter(2, toMember)
                .executeUpdate();
        em.createNativeQuery("update timeline_entry set member_id = ?2 where member_id = ?1")
                .setParameter(1, fromMember)
                .setParameter(2, toMember)
                .executeUpdate();
    }

    private void insert(
            UUID id,
            UUID memberId,
            EntryKind kind,
            Instant at,
            String type,
            String channel,
            UUID refId,
            String title,
            Map<String, Object> data) {
        em.createNativeQuery(
                        "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title,"
                                + " data) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))")
                .setParameter(1, id)
                .setParameter(2, memberId)
                .setParameter(3, kind.name())
                .setParameter(4, at)
                .setParameter(5, type)
                .setParameter(6, channel)
                .setParameter(7, refId)
                .setParameter(8, title)
                .setParameter(9, Json.write(data))
                .executeUpdate();
    }
}
