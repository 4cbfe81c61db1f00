package io.roster.impl.notification;

import io.roster.api.member.ContactChannel;
import io.roster.api.notification.NotificationTemplate;
import io.roster.api.notification.RenderedMessage;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.spi.notification.OutgoingMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The dispatcher's transactions, each short and of its own: claiming a batch of due deliveries (and deciding skips
 * and deferrals in the same transaction), reserving throttle slots, and recording one result.
 */
@ApplicationScoped
public class DeliveryStore {
    @PersistenceContext
    EntityManager em;

    @Inject
    DefaultTemplateService templates;

    /** A running broadcast as the dispatcher needs it. */
    record Active(
            UUID id,
            String name,
            NotificationTemplate template,
            List<ContactChannel> channels,
            double rate,
            DeliveryRules.QuietHours quiet,
            int maxAttempts) {}

    /** A claimed delivery on its way out. */
    record Outgoing(UUID id, UUID memberId, int attempt, OutgoingMessage message) {}

    /** Scheduled broadcasts whose start time has come begin to run. */
    @Transactional
    public void activateScheduled() {
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast set status = 'RUNNING',"
                    + " updated_at = clock_timestamp() where status = 'SCHEDULED' and start_at <= clock_timestamp()")) {
                return ps.executeUpdate();
            }
        });
    }

    /** The running broadcasts (few at a time), oldest first. */
    @Transactional
    public List<Active> running(LocalTime defaultQuietStart, LocalTime defaultQuietEnd) {
        List<Object[]> rows = Sql.jdbc(em, c -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, name, template_id, channels, rate_per_second,"
                            + " quiet_start, quiet_end, max_attempts from broadcast where status = 'RUNNING'"
                            + " order by start_at, id limit 100");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getArray(4),
                        rs.getDouble(5),
                        rs.getObject(6, LocalTime.class),
                        rs.getObject(7, LocalTime.class),
                        rs.getInt(8)
                    });
                }
            }
            return out;
        });
        List<Active> active = new ArrayList<>();
        for (Object[] r : rows) {
            NotificationTemplate t = templates.loadAny((UUID) r[2]);
            List<ContactChannel> channels = new ArrayList<>();
            try {
                for (Object o : (Object[]) ((Array) r[3]).getArray()) {
                    channels.add(ContactChannel.valueOf(o.toString()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            LocalTime qs = r[5] == null ? defaultQuietStart : (LocalTime) r[5];
            LocalTime qe = r[6] == null ? defaultQuietEnd : (LocalTime) r[6];
            active.add(new Active(
                    (UUID) r[0],
                    (String) r[1],
                    t,
                    channels,
                    (Double) r[4],
                    new DeliveryRules.QuietHours(qs, qe),
                    (Integer) r[7]));
        }
        return active;
    }

    /**
     * Claims up to {@code limit} due deliveries of a broadcast with {@code FOR UPDATE SKIP LOCKED} (another
     * dispatcher, here or on another instance, skips them), decides each one, and commits before anything is sent:
     * skipped ones are final (with their reason, on the timeline), deferred ones wait for the end of quiet hours, and
     * the rest are marked {@code SENDING} with their attempt counted and a lease until {@code now + lease}. A crash
     * after this commit leaves them {@code SENDING}; once the lease has expired they are claimed again.
     *
     * @param render renders the template for a recipient
     * @return the deliveries to send, and how many were claimed in all
     */
    @Transactional
    public Claim claim(
            Active b,
            int limit,
            Duration lease,
            Predicate<ContactChannel> available,
            Function<Recipient, RenderedMessage> render,
            ZoneId defaultZone) {
        return Sql.jdbc(em, c -> claim(c, b, limit, lease, available, render, defaultZone));
    }

    /** {@link #claim} on a connection, in its transaction. */
    static Claim claim(
            Connection c,
            Active b,
            int limit,
            Duration lease,
            Predicate<ContactChannel> available,
            Function<Recipient, RenderedMessage> render,
            ZoneId defaultZone)
            throws SQLException {
        List<UUID[]> due = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, member_id, attempts from broadcast_delivery"
                + " where broadcast_id = ? and status in ('QUEUED', 'SENDING')"
                + " and next_attempt_at <= clock_timestamp() order by next_attempt_at limit ?"
                + " for update skip locked")) {
            ps.setObject(1, b.id());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
                    attempts.add(rs.getInt(3));
                }
            }
        }
        if (due.isEmpty()) {
            return new Claim(0, List.of());
        }
        Instant now = now(c);
        Map<UUID, Recipient> recipients =
                Sql.recipients(c, due.stream().map(d -> d[1]).toList(), defaultZone);
        List<Outgoing> send = new ArrayList<>();
        try (PreparedStatement skip = c.prepareStatement("update broadcast_delivery set status = 'SKIPPED',"
                        + " reason = ?, updated_at = clock_timestamp() where id = ?");
                PreparedStatement defer = c.prepareStatement("update broadcast_delivery set status = 'QUEUED',"
                        + " reason = ?, next_attempt_at = ?, deferrals = deferrals + 1,"
                        + " updated_at = clock_timestamp() where id = ?");
                PreparedStatement sending = c.prepareStatement("update broadcast_delivery set status = 'SENDING',"
                        + " channel = ?, attempts = ?, reason = null, next_attempt_at = ?,"
                        + " updated_at = clock_timestamp() where id = ?");
                PreparedStatement timeline = timelineInsert(c)) {
            for (int i = 0; i < due.size(); i++) {
                UUID id = due.get(i)[0];
                UUID member = due.get(i)[1];
                Recipient r = recipients.get(member);
                DeliveryRules.Decision d = r == null
                        ? new DeliveryRules.Skip("member not found")
                        : DeliveryRules.decide(r, b.channels(), available, b.quiet(), now);
                if (d instanceof DeliveryRules.Skip s) {
                    skip.setString(1, s.reason());
                    skip.setObject(2, id);
                    skip.addBatch();
                    addTimeline(timeline, member, id, "skipped", null, b, now, s.reason());
                } else if (d instanceof DeliveryRules.Defer f) {
                    defer.setString(1, f.reason());
                    defer.setObject(2, Sql.utc(f.until()));
                    defer.setObject(3, id);
                    defer.addBatch();
                } else if (d instanceof DeliveryRules.Send s) {
                    int attempt = attempts.get(i) + 1;
                    sending.setString(1, s.channel().name());
                    sending.setInt(2, attempt);
                    sending.setObject(3, Sql.utc(now.plus(lease)));
                    sending.setObject(4, id);
                    sending.addBatch();
                    RenderedMessage m = render.apply(r);
                    send.add(new Outgoing(
                            id,
                            member,
                            attempt,
                            new OutgoingMessage(
                                    id.toString(),
                                    member.toString(),
                                    s.channel(),
                                    s.address(),
                                    m.language(),
                                    m.subject(),
                                    m.text(),
                                    m.html(),
                                    List.of())));
                }
            }
            skip.executeBatch();
            defer.executeBatch();
            sending.executeBatch();
            timeline.executeBatch();
        }
        return new Claim(due.size(), send);
    }

    /** What a claim gave. */
    record Claim(int claimed, List<Outgoing> toSend) {}

    /**
     * Reserves {@code n} consecutive sending slots of a throttle key at {@code rate} per second, shared by every
     * instance: one atomic upsert moves the key's next free slot forward by {@code n / rate} seconds.
     *
     * @return the time of the first reserved slot
     */
    @Transactional
    public Instant reserve(String key, int n, double rate) {
        double span = DeliveryRules.span(n, rate);
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into send_slot as s (key, next_slot)"
                    + " values (?, clock_timestamp() + make_interval(secs => ?)) on conflict (key) do update"
                    + " set next_slot = greatest(s.next_slot, clock_timestamp()) + make_interval(secs => ?)"
                    + " returning next_slot")) {
                ps.setString(1, key);
                ps.setDouble(2, span);
                ps.setDouble(3, span);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1).toInstant().minusNanos((long) (span * 1_000_000_000d));
                }
            }
        });
    }

    /**
     * Records the outcome of one attempt, in a transaction of its own. Only the holder of the current attempt may
     * record it ({@code status = 'SENDING' and attempts = ?}): a dispatcher whose lease expired and whose delivery
     * was claimed again records nothing.
     *
     * @param status SENT, DELIVERED, FAILED, or QUEUED for a retry at {@code nextAttemptAt}
     * @return whether the result was recorded
     */
    @Transactional
    public boolean record(
            Active b, Outgoing o, String status, String providerMessageId, String reason, Instant nextAttemptAt) {
        return Sql.jdbc(em, c -> {
            // The result row may be lost only if PostgreSQL itself crashes in the next fraction of a second (the WAL
            // is flushed asynchronously); an application crash loses nothing committed. A lost result leaves the
            // row SENDING, so it is sent again after its lease: at least once, never lost.
            try (PreparedStatement ps = c.prepareStatement("set local synchronous_commit = off")) {
                ps.execute();
            }
            int changed;
            try (PreparedStatement ps = c.prepareStatement("update broadcast_delivery d set"
                    + " status = case when ? = 'QUEUED' and (select b.status from broadcast b"
                    + " where b.id = d.broadcast_id) = 'CANCELLED' then 'CANCELLED' else ? end,"
                    + " provider_message_id = ?, reason = ?, next_attempt_at = coalesce(?, next_attempt_at),"
                    + " sent_at = case when ? in ('SENT', 'DELIVERED') then clock_timestamp() end,"
                    + " updated_at = clock_timestamp() where id = ? and status = 'SENDING' and attempts = ?")) {
                ps.setString(1, status);
                ps.setString(2, status);
                ps.setString(3, providerMessageId);
                ps.setString(4, reason);
                ps.setObject(5, Sql.utc(nextAttemptAt));
                ps.setString(6, status);
                ps.setObject(7, o.id());
                ps.setInt(8, o.attempt());
                changed = ps.executeUpdate();
            }
            if (changed == 1 && !"QUEUED".equals(status)) {
                try (PreparedStatement t = timelineInsert(c)) {
                    addTimeline(
                            t,
                            o.memberId(),
                            o.id(),
                            status.toLowerCase(java.util.Locale.ROOT),
                            o.message().channel(),
                            b,
                            Instant.now(),
                            reason);
                    t.executeBatch();
                }
            }
            return changed == 1;
        });
    }

    /** Whether a broadcast is still running (not paused, cancelled or completed). */
    @Transactional
    public boolean running(UUID broadcastId) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select status from broadcast where id = ?")) {
                ps.setObject(1, broadcastId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && "RUNNING".equals(rs.getString(1));
                }
            }
        });
    }

    /**
     * Gives back a claimed delivery that was not sent because its broadcast was paused or cancelled meanwhile: queued
     * again (due at once, the attempt not counted), or cancelled with its broadcast.
     */
    @Transactional
    public void release(Outgoing o) {
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast_delivery d set"
                    + " status = case when (select b.status from broadcast b where b.id = d.broadcast_id)"
                    + " = 'CANCELLED' then 'CANCELLED' else 'QUEUED' end, attempts = attempts - 1,"
                    + " next_attempt_at = clock_timestamp(), updated_at = clock_timestamp()"
                    + " where id = ? and status = 'SENDING' and attempts = ?")) {
                ps.setObject(1, o.id());
                ps.setInt(2, o.attempt());
                return ps.executeUpdate();
            }
        });
    }

    /** A running broadcast with nothing left to send is completed. */
    @Transactional
    public boolean completeIfDone(UUID broadcastId) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast set status = 'COMPLETED',"
                    + " completed_at = clock_timestamp(), updated_at = clock_timestamp(), version = version + 1"
                    + " where id = ? and status = 'RUNNING' and not exists (select 1 from broadcast_delivery d"
                    + " where d.broadcast_id = ? and d.status in ('QUEUED', 'SENDING'))")) {
                ps.setObject(1, broadcastId);
                ps.setObject(2, broadcastId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Instant now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select clock_timestamp()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private static PreparedStatement timelineInsert(Connection c) throws SQLException {
        return c.prepareStatement("insert into timeline_entry (id, member_id, kind, occurred_at, type, channel,"
                + " ref_id, title, data) values (?, ?, 'DELIVERY', ?, ?, ?, ?, ?, cast(? as jsonb))");
    }

    private static void addTimeline(
            PreparedStatement t,
            UUID member,
            UUID delivery,
            String type,
            ContactChannel channel,
            Active b,
            Instant at,
            String reason)
            throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("broadcastId", b.id().toString());
        data.put("deliveryId", delivery.toString());
        if (reason != null) {
            data.put("reason", reason);
        }
        t.setObject(1, Ids.newUuid());
        t.setObject(2, member);
        t.setObject(3, Sql.utc(at));
        t.setString(4, type);
        t.setString(5, channel == null ? null : channel.name());
        t.setObject(6, delivery);
        t.setString(7, b.name());
        t.setString(8, Json.write(data));
        t.addBatch();
    }
}
