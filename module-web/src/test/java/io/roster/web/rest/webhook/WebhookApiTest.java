package io.roster.web.rest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks against a receiver the test runs: subscriptions through the API, signed deliveries of outbox events,
 * retries with exponential backoff, manual redelivery, and every event delivered once with two dispatchers at work.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WebhookApiTest {
    private static final String SUBSCRIPTIONS = "/api/v1/webhook-subscriptions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    /** A local HTTP receiver that records what it gets and answers with scripted statuses (then 200). */
    static final class Receiver implements AutoCloseable {
        record Received(Instant at, Map<String, String> headers, String body) {}

        final List<Received> received = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
        volatile long delayMillis;
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                received.add(new Received(Instant.now(), headers, body));
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Integer status = script.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> awaiting(Predicate<List<Received>> done) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.test(received)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the receiver did not get what was expected: " + received);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(received);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private record Subscription(String id, String secret) {}

    private Subscription subscribe(Api api, String receiverUrl, List<String> types) {
        JsonNode created = api.post(SUBSCRIPTIONS, Map.of("url", receiverUrl, "eventTypes", types))
                .expect(201);
        return new Subscription(
                created.get("subscription").get("id").asText(),
                created.get("secret").asText());
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What a receiver does: recompute the signature, compare in constant time, check the timestamp. */
    private static void assertSigned(String secret, Receiver.Received r) throws Exception {
        String header = r.headers().get("roster-signature");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        assertTrue(MessageDigest.isEqual(
                hmac(secret, t + "." + r.body()).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300);
    }

    @Test
    void subscriptionsAreManagedThroughTheApi() {
        Api admin = Api.admin(url);
        JsonNode created = admin.post(
                        SUBSCRIPTIONS,
                        Map.of("url", "https://crm.example.org/roster-events", "eventTypes", List.of("member.*")))
                .expect(201);
        String id = created.get("subscription").get("id").asText();
        assertTrue(created.get("secret").asText().length() >= 32);
        JsonNode got = admin.get(SUBSCRIPTIONS + "/" + id).expect(200);
        assertFalse(got.has("secret"), got.toString());
        assertEquals(List.of("member.*"), List.of(got.get("eventTypes").get(0).asText()));
        JsonNode patched = admin.header("If-Match", "\"0\"")
                .patch(SUBSCRIPTIONS + "/" + id, Map.of("eventTypes", List.of("member.created", "interaction.*")))
                .expect(200);
        assertEquals(1, patched.get("version").asInt());
        admin.header("If-Match", "\"0\"")
                .patch(SUBSCRIPTIONS + "/" + id, Map.of("active", false))
                .expect(412);
        JsonNode listed = admin.get(SUBSCRIPTIONS + "?limit=200").expect(200);
        assertTrue(listed.get("items").findValuesAsText("id").contains(id));

        JsonNode bad = admin.post(
                        SUBSCRIPTIONS,
                        Map.of(
                                "url",
                                "ftp://crm.example.org/x",
                                "eventTypes",
                                List.of("Member Created"),
                                "secret",
                                "short"))
                .expect(422);
        List<String> paths = bad.get("errors").findValuesAsText("path");
        assertEquals(List.of("url", "eventTypes[0]", "secret"), paths);
        admin.post(SUBSCRIPTIONS, Map.of("url", "https://x.example.org", "eventTypes", List.of("*"), "colour", "red"))
                .expect(400);

        admin.delete(SUBSCRIPTIONS + "/" + id).expect(204);
        admin.get(SUBSCRIPTIONS + "/" + id).expect(404);
        // managing webhooks needs its own permission
        Api reader = Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ"), List.of()));
        reader.get(SUBSCRIPTIONS).expect(403);
    }

    @Test
    void anEventArrivesSignedWithAStableIdAndOnlyOnceSubscribed() throws Exception {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        try (Receiver receiver = new Receiver()) {
            Subscription s = subscribe(admin, receiver.url(), List.of("member.created"));
            try {
                String member = Fixtures.member(admin, Fixtures.person(root, "Иван", null, "Петров"))
                        .get("id")
                        .asText();
                admin.patch("/api/v1/members/" + member, Map.of("supportLevel", 2))
                        .expect(200);
                Receiver.Received r =
                        receiver.awaiting(l -> l.stream().anyMatch(x -> x.body().contains(member))).stream()
                                .filter(x -> x.body().contains(member))
                                .findFirst()
                                .orElseThrow();
                assertSigned(s.secret(), r);
                JsonNode event = Api.JSON.readTree(r.body());
                assertEquals("member.created", event.get("type").asText());
                assertEquals(r.headers().get("roster-event-id"), event.get("id").asText());
                assertEquals("member.created", r.headers().get("roster-event-type"));
                assertEquals(member, event.get("data").get("memberId").asText());
                assertEquals(root, event.get("data").get("orgUnitId").asText());
                // the event names the record; it carries no personal data
                assertFalse(r.body().contains("Петров"), r.body());
                Thread.sleep(500);
                // member.updated was not subscribed to
                assertTrue(receiver.received.stream().noneMatch(x -> x.body().contains("member.updated")));

                JsonNode log =
                        admin.get(SUBSCRIPTIONS + "/" + s.id() + "/deliveries").expect(200);
                JsonNode d = log.get("items").get(0);
                assertEquals("DELIVERED", d.get("status").asText());
                assertEquals(event.get("id").asText(), d.get("eventId").asText());
            } finally {
                admin.delete(SUBSCRIPTIONS + "/" + s.id()).expect(204);
            }
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPausesAndCanBeRedeliveredTo() throws Exception {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        try (Receiver receiver = new Receiver()) {
            receiver.script.add(500);
            receiver.script.add(503);
            Subscription s = subscribe(admin, receiver.url(), List.of("member.*"));
            try {
                Fixtures.member(admin, Fixtures.person(root, "Иван", null, "Петров"));
                List<Receiver.Received> got = receiver.awaiting(l -> l.size() >= 3);
                assertEquals(3, got.size());
                String eventId = got.get(0).headers().get("roster-event-id");
                assertTrue(got.stream()
                        .allMatch(x -> x.headers().get("roster-event-id").equals(eventId)));
                assertEquals(
                        List.of("1", "2", "3"),
                        got.stream().map(x -> x.headers().get("roster-attempt")).toList());
                // retry base 0.3 s in tests: the second pause is about twice the first
                Duration first = Duration.between(got.get(0).at(), got.get(1).at());
                Duration second = Duration.between(got.get(1).at(), got.get(2).at());
                assertTrue(first.toMillis() >= 250, first.toString());
                assertTrue(second.toMillis() >= 550, second.toString());
                assertTrue(second.compareTo(first) > 0, first + " " + second);
                for (Receiver.Received r : got) {
                    assertSigned(s.secret(), r);
                }

                String deliveryId = got.get(0).headers().get("roster-delivery-id");
                JsonNode d = awaitDelivered(admin, s.id(), deliveryId);
                assertEquals(3, d.get("attempts").asInt());
                List<Integer> statuses = new ArrayList<>();
                d.get("log").forEach(a -> statuses.add(a.get("status").asInt()));
                assertEquals(List.of(500, 503, 200), statuses);

                admin.post(SUBSCRIPTIONS + "/" + s.id() + "/deliveries/" + deliveryId + "/redeliveries", Map.of())
                        .expect(202);
                List<Receiver.Received> again = receiver.awaiting(l -> l.size() >= 4);
                assertEquals(eventId, again.get(3).headers().get("roster-event-id"));
                assertEquals("1", again.get(3).headers().get("roster-attempt"));
            } finally {
                admin.delete(SUBSCRIPTIONS + "/" + s.id()).expect(204);
            }
        }
    }

    private static JsonNode awaitDelivered(Api admin, String subscription, String delivery) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode d = admin.get(SUBSCRIPTIONS + "/" + subscription + "/deliveries/" + delivery)
                    .expect(200);
            if (d.get("status").asText().equals("DELIVERED")) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not delivered");
    }

    @Test
    void twoDispatchersDeliverEveryEventExactlyOnce() throws Exception {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        try (Receiver receiver = new Receiver()) {
            // slow enough that both dispatchers (roster.webhooks.workers=2) are busy at once
            receiver.delayMillis = 40;
            Subscription s = subscribe(admin, receiver.url(), List.of("member.created"));
            try {
                List<String> members = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    members.add(Fixtures.member(admin, Fixtures.person(root, "Иван" + i, null, "Петров"))
                            .get("id")
                            .asText());
                }
                receiver.awaiting(l -> l.size() >= 30);
                Thread.sleep(1000);
                Map<String, Integer> perEvent = new HashMap<>();
                receiver.received.forEach(r -> perEvent.merge(r.headers().get("roster-event-id"), 1, Integer::sum));
                assertEquals(30, receiver.received.size());
                assertEquals(30, perEvent.size());
                assertTrue(perEvent.values().stream().allMatch(n -> n == 1));
                for (String m : members) {
                    assertTrue(receiver.received.stream().anyMatch(r -> r.body().contains(m)));
                }
            } finally {
                admin.delete(SUBSCRIPTIONS + "/" + s.id()).expect(204);
            }
        }
    }

    @Test
    void aScopedSubscriptionHearsOnlyOfItsSubtree() throws Exception {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        Api omskIntegrator =
                Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ", "WEBHOOK_ADMIN"), List.of(omsk)));
        try (Receiver receiver = new Receiver()) {
            Subscription s = subscribe(omskIntegrator, receiver.url(), List.of("*"));
            try {
                String moscowMember = Fixtures.member(admin, Fixtures.person(moscow, "Ольга", null, "Ким"))
                        .get("id")
                        .asText();
                String omskMember = Fixtures.member(admin, Fixtures.person(omsk, "Иван", null, "Петров"))
                        .get("id")
                        .asText();
                receiver.awaiting(l -> l.stream().anyMatch(r -> r.body().contains(omskMember)));
                Thread.sleep(500);
                assertTrue(receiver.received.stream().noneMatch(r -> r.body().contains(moscowMember)));
                // and the Moscow key cannot see the Omsk subscription
                Api moscowAdmin = Api.withKey(url, Fixtures.key(admin, List.of("WEBHOOK_ADMIN"), List.of(moscow)));
                moscowAdmin.get(SUBSCRIPTIONS + "/" + s.id()).expect(404);
            } finally {
                omskIntegrator.delete(SUBSCRIPTIONS + "/" + s.id()).expect(204);
            }
        }
    }
}
