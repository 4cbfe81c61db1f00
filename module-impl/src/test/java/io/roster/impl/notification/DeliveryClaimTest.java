package io.roster.impl.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import io.roster.api.notification.NotificationTemplate;
import io.roster.api.notification.RenderedMessage;
import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim against real PostgreSQL, as two app instances run it: two claimers on two connections at once never
 * get the same delivery, together they get every one, and a delivery whose lease expired (a crashed claimer) is
 * claimed again with its attempt counted.
 */
class DeliveryClaimTest {
    static final int RECIPIENTS = 1000;
    static final UUID UNIT = UUID.fromString("00000000-0000-7000-8000-000000000000");
    static final UUID TEMPLATE = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        new FlywaySchemaMigrator().migrate(pg.getPostgresDatabase());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " values ('" + UNIT + "', 'ROOT', 'Корень', 'NATIONAL', null, 'r', now(), now(), 0)");
            s.execute("insert into member (id, org_unit_id, given_name, family_name, preferred_language, status,"
                    + " search_key, sort_key, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, '" + UNIT + "',"
                    + " 'Иван', 'Петров', 'RU', 'MEMBER', 'ivan petrov', 'petrov ' || g, now(), now(), 0"
                    + " from generate_series(1, " + RECIPIENTS + ") g");
            s.execute("insert into member_consent (member_id, channel, granted, recorded_at, recorded_by)"
                    + " select id, 'TELEGRAM', true, now(), 'test' from member");
            s.execute("insert into member_telegram_chat (member_id, chat_id, linked_at)"
                    + " select id, row_number() over (order by id), now() from member");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static UUID broadcast(Connection c) throws Exception {
        UUID id = UUID.randomUUID();
        try (Statement s = c.createStatement()) {
            s.execute("insert into notification_template (id, org_unit_id, name, variants, created_at, created_by,"
                    + " updated_at, version) values ('" + TEMPLATE + "', '" + UNIT + "', 't', '{}', now(), 'test',"
                    + " now(), 0) on conflict do nothing");
            s.execute("insert into broadcast (id, org_unit_id, name, template_id, channels, start_at, max_attempts,"
                    + " status, created_at, created_by, updated_at, version) values ('" + id + "', '" + UNIT
                    + "', 'b', '" + TEMPLATE + "', '{TELEGRAM}', now(), 3, 'RUNNING', now(), 'test', now(), 0)");
            s.execute("insert into broadcast_delivery (id, broadcast_id, member_id, status, next_attempt_at,"
                    + " updated_at) select gen_random_uuid(), '" + id + "', id, 'QUEUED', now(), now() from member");
        }
        return id;
    }

    private static DeliveryStore.Active active(UUID id) {
        NotificationTemplate t = new NotificationTemplate(
                TEMPLATE.toString(), UNIT.toString(), "t", null, Map.of(), Instant.now(), Instant.now(), 0);
        return new DeliveryStore.Active(
                id, "b", t, List.of(ContactChannel.TELEGRAM), 0, DeliveryRules.QuietHours.NONE, 3);
    }

    private static DeliveryStore.Claim claim(Connection c, UUID broadcast, int limit) throws Exception {
        return DeliveryStore.claim(
                c,
                active(broadcast),
                limit,
                Duration.ofMinutes(2),
                ch -> true,
                r -> new RenderedMessage(Language.RU, null, "Привет", null),
                ZoneId.of("Europe/Moscow"));
    }

    @Test
    void twoClaimersNeverGetTheSameDeliveryAndTogetherGetEveryOne() throws Exception {
        UUID id;
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            id = broadcast(c);
        }
        CountDownLatch go = new CountDownLatch(1);
        Callable<List<UUID>> claimer = () -> {
            List<UUID> mine = new ArrayList<>();
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.setAutoCommit(false);
                go.await();
                while (true) {
                    DeliveryStore.Claim claim = claim(c, id, 37);
                    c.commit();
                    if (claim.claimed() == 0) {
                        return mine;
                    }
                    claim.toSend().forEach(o -> mine.add(o.id()));
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> a = pool.submit(claimer);
            Future<List<UUID>> b = pool.submit(claimer);
            go.countDown();
            List<UUID> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            Set<UUID> distinct = new HashSet<>(all);
            assertEquals(RECIPIENTS, all.size(), "claims in all");
            assertEquals(RECIPIENTS, distinct.size(), "no delivery claimed twice");
            assertTrue(!a.get().isEmpty() && !b.get().isEmpty(), "both claimers worked");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from broadcast_delivery where broadcast_id = '" + id
                        + "' and status = 'SENDING' and attempts = 1 and channel = 'TELEGRAM'")) {
            rs.next();
            assertEquals(RECIPIENTS, rs.getInt(1));
        }
    }

    @Test
    void aDeliveryWhoseLeaseExpiredIsClaimedAgainWithItsAttemptCounted() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            UUID id = broadcast(c);
            c.setAutoCommit(false);
            DeliveryStore.Claim first = claim(c, id, 10);
            c.commit();
            assertEquals(10, first.claimed());
            // nothing else is due while the leases hold
            Set<UUID> firstIds = new HashSet<>();
            first.toSend().forEach(o -> firstIds.add(o.id()));
            try (Statement s = c.createStatement()) {
                // the claimer "crashed": its leases run out
                s.execute("update broadcast_delivery set next_attempt_at = now() - interval '1 second'"
                        + " where broadcast_id = '" + id + "' and status = 'SENDING'");
                s.execute("update broadcast_delivery set next_attempt_at = now() + interval '1 hour'"
                        + " where broadcast_id = '" + id + "' and status = 'QUEUED'");
            }
            c.commit();
            DeliveryStore.Claim again = claim(c, id, 100);
            c.commit();
            assertEquals(10, again.claimed());
            for (DeliveryStore.Outgoing o : again.toSend()) {
                assertTrue(firstIds.contains(o.id()));
                assertEquals(2, o.attempt());
            }
        }
    }
}
