package io.roster.web.rest.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's timeline over real HTTP: one order across interactions, attendance, status and consent changes; the
 * filters; keyset pages that visit every entry once, also while entries are being added; scope and merges.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TimelineApiTest {
    private static final String MEMBERS = "/api/v1/members";
    private static final String INTERACTIONS = "/api/v1/interactions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private Api api() {
        return Api.admin(url);
    }

    private String root() {
        return Fixtures.root(api(), "Хроника " + Fixtures.unique("R")).get("id").asText();
    }

    private String member(String orgUnitId) {
        return Fixtures.member(api(), Fixtures.person(orgUnitId, "Семён", "Ильич", "Ёлкин-" + Fixtures.unique("m")))
                .get("id")
                .asText();
    }

    private static Instant ago(Duration d) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(d);
    }

    private String log(String memberId, String type, String channel, Instant at) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("memberId", memberId);
        b.put("type", type);
        b.put("channel", channel);
        if (at != null) {
            b.put("occurredAt", at.toString());
        }
        b.put("subject", type + " в " + at);
        return api().post(INTERACTIONS, b).expect(201).get("id").asText();
    }

    private String timelineUrl(String memberId, String query) {
        return MEMBERS + "/" + memberId + "/timeline" + (query.isEmpty() ? "" : "?" + query);
    }

    /** An entry as read: its id, kind:type, and the order key. */
    private record Entry(String id, String kindType, Instant at) {
        static Entry of(JsonNode n) {
            return new Entry(
                    n.get("id").asText(),
                    n.get("kind").asText() + ":" + n.get("type").asText(),
                    Instant.parse(n.get("occurredAt").asText()));
        }

        /** Whether this entry comes after the other in the timeline's order (occurredAt desc, id desc). */
        boolean after(Entry other) {
            int c = at.compareTo(other.at);
            // PostgreSQL orders uuids by their bytes, which is the order of their lower-case text
            return c < 0 || (c == 0 && id.compareTo(other.id) < 0);
        }
    }

    private static final Comparator<Entry> TIMELINE_ORDER =
            Comparator.comparing(Entry::at).thenComparing(Entry::id).reversed();

    private List<Entry> page(Api api, String memberId, String query) {
        List<Entry> out = new ArrayList<>();
        api.get(timelineUrl(memberId, query)).expect(200).get("items").forEach(n -> out.add(Entry.of(n)));
        return out;
    }

    private List<Entry> all(String memberId, String query) {
        return page(api(), memberId, "limit=200" + (query.isEmpty() ? "" : "&" + query));
    }

    /** Every entry after the cursor, page by page. */
    private List<Entry> walk(Api api, String memberId, String cursor, int limit) {
        List<Entry> out = new ArrayList<>();
        int pages = 0;
        while (cursor != null) {
            JsonNode p = api.get(timelineUrl(memberId, "limit=" + limit + "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            p.get("items").forEach(n -> out.add(Entry.of(n)));
            cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
            assertTrue(++pages < 1_000, "the walk does not end");
        }
        return out;
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }

    private static List<String> errors(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors")
                .forEach(e ->
                        out.add(e.get("path").asText() + ":" + e.get("code").asText()));
        return out;
    }

    /** A member with one entry of every kind at known times; returns the ids by name. */
    private record History(String memberId, Map<String, String> ids, Map<String, Instant> times) {}

    private History history() {
        Api api = api();
        String root = root();
        String m = member(root);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("call", ago(Duration.ofDays(10)));
        times.put("sms", ago(Duration.ofDays(5)));
        times.put("consent", ago(Duration.ofDays(4)));
        times.put("event", ago(Duration.ofDays(3)));
        times.put("visit", ago(Duration.ofDays(2)));
        ids.put("call", log(m, "CALL", "PHONE", times.get("call")));
        ids.put("visit", log(m, "VISIT", "VISIT", times.get("visit")));
        ids.put("sms", log(m, "SMS", "SMS", times.get("sms")));

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("orgUnitId", root);
        event.put("kind", "TRAINING");
        event.put("title", "Школа агитатора " + Fixtures.unique("E"));
        event.put("startsAt", times.get("event").toString());
        String eventId = api.post("/api/v1/events", event).expect(201).get("id").asText();
        api.post(
                        "/api/v1/events/" + eventId + "/attendances",
                        Map.of("marks", List.of(Map.of("memberId", m, "status", "ATTENDED"))))
                .expect(200);
        ids.put("event", eventId);

        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("channel", "EMAIL");
        consent.put("granted", true);
        consent.put("source", "анкета на встрече");
        consent.put("evidence", "анкета № 17");
        consent.put("recordedAt", times.get("consent").toString());
        api.patch(MEMBERS + "/" + m, Map.of("consents", List.of(consent))).expect(200);
        api.patch(MEMBERS + "/" + m, Map.of("status", "SUPPORTER")).expect(200);
        return new History(m, ids, times);
    }

    // ---- order and filters ----------------------------------------------------------------------------------------

    @Test
    void entriesOfEveryKindComeInOneOrderNewestFirst() {
        History h = history();
        List<Entry> entries = all(h.memberId(), "");
        assertEquals(
                List.of(
                        "STATUS_CHANGE:SUPPORTER",
                        "STATUS_CHANGE:PROSPECT",
                        "INTERACTION:VISIT",
                        "ATTENDANCE:ATTENDED",
                        "CONSENT_CHANGE:EMAIL",
                        "INTERACTION:SMS",
                        "INTERACTION:CALL"),
                entries.stream().map(Entry::kindType).toList());
        assertEquals(entries.stream().sorted(TIMELINE_ORDER).toList(), entries);
        assertEquals(h.ids().get("visit"), entries.get(2).id(), "an interaction's entry has the interaction's id");
        assertEquals(h.times().get("visit"), entries.get(2).at());
        assertEquals(h.times().get("event"), entries.get(3).at(), "attendance is dated by the event's start");
        assertEquals(h.times().get("consent"), entries.get(4).at());
        assertEquals(h.ids().get("sms"), entries.get(5).id());
        assertEquals(h.ids().get("call"), entries.get(6).id());

        JsonNode items = api().get(timelineUrl(h.memberId(), "")).expect(200).get("items");
        assertEquals(h.ids().get("event"), items.get(3).get("refId").asText());
        assertEquals("IN_PERSON", items.get(3).get("channel").asText());
        assertEquals("VISIT", items.get(2).get("channel").asText());
        assertEquals(h.ids().get("visit"), items.get(2).get("refId").asText());
        assertEquals("PROSPECT → SUPPORTER", items.get(0).get("title").asText());
        assertEquals("OUTBOUND", items.get(2).get("data").get("direction").asText());
        items.forEach(e -> assertEquals(h.memberId(), e.get("memberId").asText()));
    }

    @Test
    void filtersByKindTypeChannelAndTime() {
        History h = history();
        String m = h.memberId();
        Map<String, String> id = h.ids();
        assertEquals(List.of(id.get("visit"), id.get("sms"), id.get("call")), ids(all(m, "kind=INTERACTION")));
        assertEquals(
                List.of("INTERACTION:VISIT", "ATTENDANCE:ATTENDED", "INTERACTION:SMS", "INTERACTION:CALL"),
                all(m, "kind=INTERACTION&kind=ATTENDANCE").stream()
                        .map(Entry::kindType)
                        .toList());
        assertEquals(
                List.of("STATUS_CHANGE:SUPPORTER", "STATUS_CHANGE:PROSPECT"),
                all(m, "kind=STATUS_CHANGE").stream().map(Entry::kindType).toList());
        assertEquals(List.of(id.get("sms")), ids(all(m, "type=SMS")));
        assertEquals(List.of(id.get("visit"), id.get("call")), ids(all(m, "type=VISIT&type=CALL")));
        assertEquals(List.of(id.get("call")), ids(all(m, "channel=PHONE")));
        assertEquals(
                List.of("ATTENDANCE:ATTENDED"),
                all(m, "channel=IN_PERSON").stream().map(Entry::kindType).toList());
        assertEquals(List.of(), all(m, "kind=INTERACTION&channel=IN_PERSON"));

        // from is inclusive, to exclusive: [sms time, event time) holds the consent and the sms
        String window = "from=" + h.times().get("sms") + "&to=" + h.times().get("event");
        assertEquals(
                List.of("CONSENT_CHANGE:EMAIL", "INTERACTION:SMS"),
                all(m, window).stream().map(Entry::kindType).toList());
        assertEquals(List.of(id.get("sms")), ids(all(m, window + "&kind=INTERACTION")));
        assertEquals(
                List.of(id.get("call")),
                ids(all(m, "to=" + h.times().get("call").plusSeconds(1))));
    }

    @Test
    void pagesOfTwoVisitEveryEntryExactlyOnce() {
        History h = history();
        List<Entry> expected = all(h.memberId(), "");
        assertEquals(7, expected.size());
        JsonNode first = api().get(timelineUrl(h.memberId(), "limit=2")).expect(200);
        List<Entry> walked = new ArrayList<>();
        first.get("items").forEach(n -> walked.add(Entry.of(n)));
        walked.addAll(walk(api(), h.memberId(), first.get("nextCursor").asText(), 2));
        assertEquals(ids(expected), ids(walked));
        assertEquals(walked.size(), new HashSet<>(ids(walked)).size());

        JsonNode lastPage = api().get(timelineUrl(h.memberId(), "limit=7")).expect(200);
        assertTrue(lastPage.get("nextCursor").isNull(), "a page that holds everything has no next");

        List<Entry> interactions = new ArrayList<>();
        JsonNode p =
                api().get(timelineUrl(h.memberId(), "kind=INTERACTION&limit=2")).expect(200);
        p.get("items").forEach(n -> interactions.add(Entry.of(n)));
        String cursor = p.get("nextCursor").asText();
        JsonNode rest = api().get(timelineUrl(h.memberId(), "kind=INTERACTION&limit=2&cursor=" + Api.enc(cursor)))
                .expect(200);
        rest.get("items").forEach(n -> interactions.add(Entry.of(n)));
        assertTrue(rest.get("nextCursor").isNull());
        assertEquals(List.of(h.ids().get("visit"), h.ids().get("sms"), h.ids().get("call")), ids(interactions));
    }

    // ---- cursor stability -----------------------------------------------------------------------------------------

    /**
     * The rule: entries are ordered by (occurredAt, id) descending and a cursor is the position of the last entry
     * read. Walking on from it returns every entry that is below that position when its page is read, each exactly
     * once and in order; entries added above it (new ones, or back-dated into the pages already read) never appear
     * later in the walk. An entry back-dated below the position appears exactly once if its page is read after it
     * was added, and not at all if before.
     */
    @Test
    void cursorStaysValidWhileEntriesAreAddedConcurrently() throws Exception {
        String m = member(root());
        Instant base = ago(Duration.ZERO);
        List<String> older = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            older.add(log(m, "CALL", "PHONE", base.minus(Duration.ofHours(i))));
        }
        JsonNode first = api().get(timelineUrl(m, "limit=5")).expect(200);
        List<Entry> page1 = new ArrayList<>();
        first.get("items").forEach(n -> page1.add(Entry.of(n)));
        assertEquals("STATUS_CHANGE:PROSPECT", page1.get(0).kindType(), "the profile's creation is newest");
        assertEquals(older.subList(0, 4), ids(page1).subList(1, 5));
        Entry position = page1.get(4);
        String cursor = first.get("nextCursor").asText();

        // 10 new (now), 5 back-dated above the cursor (into page 1), 3 back-dated below it
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            times.add(null);
        }
        for (int minutes : List.of(30, 90, 150, 210, 239)) {
            times.add(base.minus(Duration.ofMinutes(minutes)));
        }
        List<Instant> below = List.of(
                base.minus(Duration.ofMinutes(270)),
                base.minus(Duration.ofMinutes(630)),
                base.minus(Duration.ofMinutes(1170)));
        times.addAll(below);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> inserts = new ArrayList<>();
        try {
            Future<List<Entry>> concurrentWalk = pool.submit(() -> {
                start.await();
                return walk(Api.admin(url), m, cursor, 5);
            });
            for (Instant at : times) {
                inserts.add(pool.submit(() -> {
                    start.await();
                    return log(m, "SMS", "SMS", at);
                }));
            }
            start.countDown();
            List<String> added = new ArrayList<>();
            for (Future<String> f : inserts) {
                added.add(f.get(120, TimeUnit.SECONDS));
            }
            List<String> addedBelow = added.subList(15, 18);
            List<Entry> during = concurrentWalk.get(120, TimeUnit.SECONDS);

            // During the inserts: the pre-existing older entries, each once, in order; nothing from above.
            assertEquals(during.size(), new HashSet<>(ids(during)).size(), "no entry twice: " + ids(during));
            assertEquals(during.stream().sorted(TIMELINE_ORDER).toList(), during, "in timeline order");
            for (Entry e : during) {
                assertTrue(e.after(position), "an entry above the cursor appeared later in the walk: " + e);
                assertTrue(older.contains(e.id()) || addedBelow.contains(e.id()), "unexpected entry " + e);
            }
            assertEquals(
                    older.subList(4, 20),
                    ids(during).stream().filter(older::contains).toList(),
                    "every older entry exactly once, in order");

            // Afterwards, the same cursor: exactly the entries below it, the back-dated ones included.
            List<Entry> now = all(m, "");
            assertEquals(1 + 20 + 18, now.size());
            List<String> expectedBelow =
                    now.stream().filter(e -> e.after(position)).map(Entry::id).toList();
            assertEquals(16 + 3, expectedBelow.size());
            assertTrue(expectedBelow.containsAll(addedBelow));
            assertEquals(expectedBelow, ids(walk(api(), m, cursor, 5)));
            assertEquals(expectedBelow, ids(walk(api(), m, cursor, 1)));
            // … and the entries added above it are on the pages before it, with the first page's entries.
            Set<String> above = new HashSet<>(added.subList(0, 15));
            above.addAll(ids(page1.subList(0, 4)));
            assertEquals(
                    above,
                    Set.copyOf(ids(now.stream()
                            .filter(e -> !e.after(position) && !e.id().equals(position.id()))
                            .toList())));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- scope, merges, bad input ---------------------------------------------------------------------------------

    @Test
    void timelineOfAMemberOfAnotherRegionIsNotFound() {
        String mine = root();
        String other = root();
        String own = member(mine);
        String stranger = member(other);
        log(stranger, "CALL", "PHONE", ago(Duration.ofHours(1)));
        String secret = Fixtures.key(api(), List.of("ORG_READ", "MEMBER_READ"), List.of(mine));
        Api scoped = Api.withKey(url, secret);
        scoped.get(timelineUrl(stranger, "")).expect(404);
        scoped.get(MEMBERS + "/" + stranger + "/interactions").expect(404);
        assertEquals(1, page(scoped, own, "").size());
        scoped.get(timelineUrl("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "")).expect(404);
    }

    @Test
    void aMergedAwayMembersTimelineIsTheSurvivorsWithBothHistories() {
        String root = root();
        String target = member(root);
        String source = member(root);
        String targetCall = log(target, "CALL", "PHONE", ago(Duration.ofDays(2)));
        String sourceVisit = log(source, "VISIT", "VISIT", ago(Duration.ofDays(1)));
        String sourceSms = log(source, "SMS", "SMS", ago(Duration.ofDays(3)));
        api().post(
                        MEMBERS + "/" + target + "/merges",
                        Map.of("sourceMemberId", source, "attributeConflictRule", "KEEP_TARGET"))
                .expect(200);

        List<Entry> viaSource = all(source, "kind=INTERACTION");
        assertEquals(List.of(sourceVisit, targetCall, sourceSms), ids(viaSource));
        assertEquals(ids(all(target, "")), ids(all(source, "")));
        api().get(timelineUrl(source, "limit=200"))
                .expect(200)
                .get("items")
                .forEach(e -> assertEquals(target, e.get("memberId").asText()));
        assertEquals(
                target,
                api().get(INTERACTIONS + "/" + sourceVisit)
                        .expect(200)
                        .get("memberId")
                        .asText());
        assertEquals(List.of(sourceVisit, targetCall, sourceSms), ids(page(api(), target, "kind=INTERACTION")));
    }

    @Test
    void aBadCursorIs422() {
        String m = member(root());
        log(m, "CALL", "PHONE", ago(Duration.ofHours(2)));
        log(m, "CALL", "PHONE", ago(Duration.ofHours(1)));
        String wellFormedButWrong = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("timeline\u001fyesterday\u001f42".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("not-a-cursor", wellFormedButWrong, "%%%")) {
            JsonNode p = api().get(timelineUrl(m, "cursor=" + Api.enc(bad))).expect(422);
            assertEquals(List.of("cursor:invalid-cursor"), errors(p), bad);
        }
        String ofAnotherList = api().get(MEMBERS + "/" + m + "/interactions?limit=1")
                .expect(200)
                .get("nextCursor")
                .asText();
        assertNotNull(ofAnotherList);
        JsonNode p =
                api().get(timelineUrl(m, "cursor=" + Api.enc(ofAnotherList))).expect(422);
        assertEquals(List.of("cursor:invalid-cursor"), errors(p));
    }

    @Test
    void fromNotBeforeToIs422() {
        String m = member(root());
        String t = ago(Duration.ofDays(1)).toString();
        assertEquals(
                List.of("to:before-from"),
                errors(api().get(timelineUrl(m, "from=" + t + "&to=" + t)).expect(422)));
        assertEquals(
                List.of("to:before-from"),
                errors(api().get(timelineUrl(m, "from=" + t + "&to=" + ago(Duration.ofDays(2))))
                        .expect(422)));
        assertEquals(List.of(), page(api(), m, "from=" + ago(Duration.ofDays(2)) + "&to=" + t));
    }
}
