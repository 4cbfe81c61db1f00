package io.roster.web.rest.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.impl.common.Ids;
import io.roster.impl.member.NameKeys;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events and attendance over real HTTP: create, merge-patch, list pages and scope, marking sheets all or nothing,
 * capacity, and how attendance reaches the timeline, contact facts and member search.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class EventApiTest {
    private static final String EVENTS = "/api/v1/events";
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> EVENT_STAFF = List.of("ORG_READ", "MEMBER_READ", "MEMBER_WRITE", "EVENT_WRITE");

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
        return Fixtures.root(api(), "События " + Fixtures.unique("R")).get("id").asText();
    }

    /** A start time of its own, so that a member's last contact can only be the event under test. */
    private static Instant someStart() {
        return Instant.parse("2024-01-01T10:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(1, 300_000), ChronoUnit.MINUTES);
    }

    private static Map<String, Object> eventBody(String orgUnitId, String title, Instant startsAt, Integer capacity) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("orgUnitId", orgUnitId);
        b.put("kind", "TRAINING");
        b.put("title", title);
        b.put("startsAt", startsAt.toString());
        if (capacity != null) {
            b.put("capacity", capacity);
        }
        return b;
    }

    private static JsonNode event(Api api, String orgUnitId, Instant startsAt, Integer capacity) {
        return api.post(EVENTS, eventBody(orgUnitId, "Школа актива " + Fixtures.unique("E"), startsAt, capacity))
                .expect(201);
    }

    private static String member(Api api, String orgUnitId, String family) {
        return Fixtures.member(api, Fixtures.person(orgUnitId, "Ірина", "Петрівна", family))
                .get("id")
                .asText();
    }

    /** A sheet body from member id, status pairs. */
    private static Map<String, Object> sheet(String... idAndStatus) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (int i = 0; i < idAndStatus.length; i += 2) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("memberId", idAndStatus[i]);
            m.put("status", idAndStatus[i + 1]);
            marks.add(m);
        }
        return Map.of("marks", marks);
    }

    private static Api.Res mark(Api api, String eventId, String... idAndStatus) {
        return api.post(EVENTS + "/" + eventId + "/attendances", sheet(idAndStatus));
    }

    private static List<String> paths(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors")
                .forEach(e ->
                        out.add(e.get("path").asText() + ":" + e.get("code").asText()));
        return out;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    /** The member's ATTENDANCE timeline rows, read straight from the table: ref, type, channel, time, title. */
    private static List<List<String>> timeline(String memberId) {
        return rows(
                "select ref_id::text, type, coalesce(channel, '-'), occurred_at, title from timeline_entry"
                        + " where member_id = ?::uuid and kind = 'ATTENDANCE' order by occurred_at, id",
                memberId);
    }

    private static List<List<String>> rows(String sql, Object... params) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(
                                v instanceof Timestamp t
                                        ? t.toInstant().toString()
                                        : v instanceof OffsetDateTime o
                                                ? o.toInstant().toString()
                                                : String.valueOf(v));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }

    private static long attendanceRows(String eventId) {
        return count("select count(*) from event_attendance where event_id = ?::uuid", eventId);
    }

    private static long timelineRows(String eventId) {
        return count("select count(*) from timeline_entry where kind = 'ATTENDANCE' and ref_id = ?::uuid", eventId);
    }

    private JsonNode facts(String memberId) {
        return api().get("/api/v1/members/" + memberId).expect(200).get("contactFacts");
    }

    // ---- create, get, patch ---------------------------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationAndEtagAndGetPatchFollowTheVersion() {
        Api api = api();
        String root = root();
        Instant start = Instant.parse("2025-10-04T09:30:00Z");
        Map<String, Object> body = eventBody(root, "  Школа актива: «Как говорить с избирателем»  ", start, 40);
        body.put("description", "Занятие 1.\nРабота з запереченнями — ґрунтовно.");
        body.put("place", "Нижний Новгород, ул. Рождественская, 5");
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        Api.Res created = api.post(EVENTS, body);
        JsonNode e = created.expect(201);
        String id = e.get("id").asText();
        assertEquals(EVENTS + "/" + id, created.header("Location"));
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals(7, UUID.fromString(id).version());
        assertEquals(
                "Школа актива: «Как говорить с избирателем»", e.get("title").asText());
        assertEquals(
                "Занятие 1.\nРабота з запереченнями — ґрунтовно.",
                e.get("description").asText());
        assertEquals("TRAINING", e.get("kind").asText());
        assertEquals(start.toString(), e.get("startsAt").asText());
        assertEquals(40, e.get("capacity").asInt());
        assertEquals(0, e.get("registered").asInt());
        assertEquals(0, e.get("attended").asInt());

        Api.Res got = api.get(EVENTS + "/" + id);
        assertEquals(e, got.expect(200));
        assertEquals("\"0\"", got.header("ETag"));

        Api.Res patched = api.header("If-Match", "\"0\"")
                .patch(EVENTS + "/" + id, Map.of("title", "Школа актива, занятие 1", "capacity", 50));
        JsonNode p = patched.expect(200);
        assertEquals("\"1\"", patched.header("ETag"));
        assertEquals("Школа актива, занятие 1", p.get("title").asText());
        assertEquals(50, p.get("capacity").asInt());
        assertEquals("Нижний Новгород, ул. Рождественская, 5", p.get("place").asText(), "untouched fields stay");

        Map<String, Object> removePlace = new LinkedHashMap<>();
        removePlace.put("place", null);
        Api.Res stale = api.header("If-Match", "\"0\"").patch(EVENTS + "/" + id, removePlace);
        assertEquals(412, stale.status());
        assertEquals(PROBLEM, stale.contentType());
        assertEquals(1, stale.json().get("currentVersion").asInt());
        assertTrue(api.get(EVENTS + "/" + id).expect(200).has("place"), "a stale patch changes nothing");

        JsonNode unplaced = api.header("If-Match", "\"1\"")
                .patch(EVENTS + "/" + id, removePlace)
                .expect(200);
        assertFalse(unplaced.has("place"), "null in a merge patch removes the value");
        assertEquals(2, unplaced.get("version").asInt());
        assertEquals(
                2,
                api.patch(EVENTS + "/" + id, Map.of("title", "Школа актива, занятие 1"))
                        .expect(200)
                        .get("version")
                        .asInt(),
                "an unchanged value is no change");
    }

    @Test
    void invalidEventsNameEveryBadFieldAndCreateNothing() {
        Api api = api();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "ж".repeat(201));
        body.put("description", "д".repeat(10_001));
        body.put("place", "м".repeat(501));
        body.put("capacity", 0);
        Api.Res r = api.post(EVENTS, body);
        assertEquals(422, r.status());
        assertEquals(PROBLEM, r.contentType());
        assertEquals(
                Set.of(
                        "orgUnitId:required",
                        "kind:required",
                        "title:too-long",
                        "description:too-long",
                        "place:too-long",
                        "startsAt:required",
                        "capacity:range"),
                new HashSet<>(paths(r.json())));

        Instant start = someStart();
        Map<String, Object> backwards = eventBody(UUID.randomUUID().toString(), "Собрание", start, 100_001);
        backwards.put("endsAt", start.minusSeconds(60).toString());
        assertEquals(
                Set.of("orgUnitId:unknown-org-unit", "endsAt:before-start", "capacity:range"),
                new HashSet<>(paths(api.post(EVENTS, backwards).expect(422))));

        Map<String, Object> unknownField = eventBody(root(), "Собрание", start, null);
        unknownField.put("budget", 100);
        assertEquals(400, api.post(EVENTS, unknownField).status());

        String root = root();
        String id = event(api, root, start, null).get("id").asText();
        Map<String, Object> noTitle = new LinkedHashMap<>();
        noTitle.put("title", null);
        noTitle.put("endsAt", start.minusSeconds(1).toString());
        assertEquals(
                Set.of("title:required", "endsAt:before-start"),
                new HashSet<>(paths(api.patch(EVENTS + "/" + id, noTitle).expect(422))));
        assertEquals(0, api.get(EVENTS + "/" + id).expect(200).get("version").asInt());
    }

    @Test
    void anIdempotencyKeyMakesARetriedCreateReturnTheFirstEvent() {
        Api api = api().header("Idempotency-Key", Fixtures.unique("idem"));
        Map<String, Object> body = eventBody(root(), "Собрание актива", someStart(), null);
        JsonNode first = api.post(EVENTS, body).expect(201);
        Api.Res again = api.post(EVENTS, body);
        assertEquals(201, again.status());
        assertEquals(first.get("id"), again.json().get("id"));
        body.put("title", "Другое собрание");
        assertEquals(409, api.post(EVENTS, body).status());
    }

    // ---- list -----------------------------------------------------------------------------------------------------

    @Test
    void listPagesByStartTimeWithinTheSubtreeAndTimeWindow() {
        Api api = api();
        String root = root();
        String region =
                Fixtures.unit(api, root, "Омская область", "REGION").get("id").asText();
        String district = Fixtures.unit(api, region, "Тарский район", "DISTRICT")
                .get("id")
                .asText();
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        // created out of order; two share a start time, so the id breaks the tie
        String e3 =
                event(api, district, t.plus(2, ChronoUnit.DAYS), null).get("id").asText();
        String e1 = event(api, region, t, null).get("id").asText();
        String e2a =
                event(api, root, t.plus(1, ChronoUnit.DAYS), null).get("id").asText();
        String e2b =
                event(api, district, t.plus(1, ChronoUnit.DAYS), null).get("id").asText();
        String e4 =
                event(api, region, t.plus(3, ChronoUnit.DAYS), null).get("id").asText();

        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(EVENTS + "?orgUnitId=" + root + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            assertTrue(page.get("items").size() <= 2);
            all.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(List.of(e1, e2a, e2b, e3, e4), all);
        assertEquals(3, pages);

        assertEquals(
                List.of(e1, e2b, e3, e4),
                ids(api.get(EVENTS + "?orgUnitId=" + region).expect(200)),
                "a unit's subtree, not its parent");
        assertEquals(
                List.of(e2b, e3),
                ids(api.get(EVENTS + "?orgUnitId=" + region + "&from=" + t.plus(1, ChronoUnit.DAYS) + "&to="
                                + t.plus(3, ChronoUnit.DAYS))
                        .expect(200)),
                "from is inclusive, to exclusive");

        String other = ids(api.get(EVENTS + "?orgUnitId=" + root + "&limit=1").expect(200))
                .get(0);
        assertEquals(e1, other);
        JsonNode firstPage = api.get(EVENTS + "?orgUnitId=" + root + "&limit=1").expect(200);
        Api.Res foreignCursor = api.get(EVENTS + "?orgUnitId=" + region + "&cursor="
                + Api.enc(firstPage.get("nextCursor").asText()));
        assertEquals(422, foreignCursor.status(), "a cursor of another list is refused");
        assertEquals(400, api.get(EVENTS + "?from=yesterday").status());
        assertEquals(400, api.get(EVENTS + "?limit=201").status());
    }

    @Test
    void aRegionKeyListsOnlyItsRegionsEventsAndAnotherRegionsEventIsNotFound() {
        Api admin = api();
        String root = root();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        Instant t = someStart();
        String omskEvent = event(admin, omsk, t, null).get("id").asText();
        String moscowEvent =
                event(admin, moscow, t.plusSeconds(60), null).get("id").asText();
        String moscowMember = member(admin, moscow, "Сутягина");
        mark(admin, moscowEvent, moscowMember, "ATTENDED").expect(200);
        Api omskKey = Api.withKey(url, Fixtures.key(admin, EVENT_STAFF, List.of(omsk)));

        assertEquals(List.of(omskEvent), ids(omskKey.get(EVENTS).expect(200)));
        assertEquals(
                List.of(omskEvent),
                ids(omskKey.get(EVENTS + "?orgUnitId=" + omsk).expect(200)));
        assertEquals(404, omskKey.get(EVENTS + "?orgUnitId=" + moscow).status());
        assertEquals(200, omskKey.get(EVENTS + "/" + omskEvent).status());

        Api.Res get = omskKey.get(EVENTS + "/" + moscowEvent);
        assertEquals(404, get.status());
        assertEquals(PROBLEM, get.contentType());
        assertEquals(
                404,
                omskKey.patch(EVENTS + "/" + moscowEvent, Map.of("title", "Взлом"))
                        .status());
        assertEquals(
                404, omskKey.get(EVENTS + "/" + moscowEvent + "/attendances").status());
        assertEquals(404, mark(omskKey, moscowEvent, moscowMember, "NO_SHOW").status());
        assertEquals(404, omskKey.get(EVENTS + "/" + UUID.randomUUID()).status());
        assertEquals(404, omskKey.get(EVENTS + "/not-an-id").status());
        assertEquals(
                "ATTENDED",
                admin.get(EVENTS + "/" + moscowEvent + "/attendances")
                        .expect(200)
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText(),
                "nothing changed");

        // creating an event in another region reads as an unknown unit
        assertEquals(
                List.of("orgUnitId:unknown-org-unit"),
                paths(omskKey.post(EVENTS, eventBody(moscow, "Чужое", t, null)).expect(422)));
        assertEquals(
                List.of("orgUnitId:unknown-org-unit"),
                paths(omskKey.patch(EVENTS + "/" + omskEvent, Map.of("orgUnitId", moscow))
                        .expect(422)));

        Api readOnly = Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ"), List.of(omsk)));
        assertEquals(200, readOnly.get(EVENTS + "/" + omskEvent).status());
        assertEquals(
                403, readOnly.post(EVENTS, eventBody(omsk, "Собрание", t, null)).status());
        assertEquals(403, mark(readOnly, omskEvent, moscowMember, "REGISTERED").status());
    }

    // ---- marking --------------------------------------------------------------------------------------------------

    @Test
    void markingThreeMembersPutsEachOnTheirTimelineAndAttendingCountsAsAContact() {
        Api api = api();
        String root = root();
        Instant start = someStart();
        JsonNode e = event(api, root, start, null);
        String eventId = e.get("id").asText();
        String title = e.get("title").asText();
        String a = member(api, root, "Гончаренко");
        String b = member(api, root, "Сутягин");
        String c = member(api, root, "Ёлкина");

        JsonNode items = mark(api, eventId, a, "ATTENDED", b, "REGISTERED", c, "ATTENDED")
                .expect(200)
                .get("items");
        assertEquals(3, items.size());
        assertEquals(
                List.of(a, b, c),
                List.of(
                        items.get(0).get("memberId").asText(),
                        items.get(1).get("memberId").asText(),
                        items.get(2).get("memberId").asText()));
        assertEquals("REGISTERED", items.get(1).get("status").asText());
        assertEquals(eventId, items.get(0).get("eventId").asText());
        assertNotNull(items.get(0).get("updatedAt"));
        assertNotNull(items.get(0).get("updatedBy"));

        JsonNode after = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(3, after.get("registered").asInt());
        assertEquals(2, after.get("attended").asInt());
        assertEquals(e.get("version"), after.get("version"), "marking is not an edit of the event");

        for (String m : List.of(a, c)) {
            assertEquals(List.of(List.of(eventId, "ATTENDED", "IN_PERSON", start.toString(), title)), timeline(m));
            JsonNode f = facts(m);
            assertEquals(start, Instant.parse(f.get("lastContactAt").asText()));
            assertEquals("IN_PERSON", f.get("lastContactChannel").asText());
        }
        assertEquals(List.of(List.of(eventId, "REGISTERED", "-", start.toString(), title)), timeline(b));
        assertFalse(facts(b).has("lastContactAt"), "a registration is not a contact");

        // the entry of a member and event is one, updated in place
        mark(api, eventId, b, "ATTENDED").expect(200);
        assertEquals(List.of(List.of(eventId, "ATTENDED", "IN_PERSON", start.toString(), title)), timeline(b));
        assertEquals(start, Instant.parse(facts(b).get("lastContactAt").asText()));
        after = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(3, after.get("registered").asInt());
        assertEquals(3, after.get("attended").asInt());

        // marking the same again changes nothing, not even the time of the mark
        JsonNode first =
                api.get(EVENTS + "/" + eventId + "/attendances").expect(200).get("items");
        JsonNode again = mark(api, eventId, a, "ATTENDED").expect(200).get("items");
        assertEquals(
                first.get(List.of(a, b, c).stream().sorted().toList().indexOf(a))
                        .get("updatedAt"),
                again.get(0).get("updatedAt"));

        // the sheet pages by member id
        JsonNode p1 = api.get(EVENTS + "/" + eventId + "/attendances?limit=2").expect(200);
        assertEquals(2, p1.get("items").size());
        JsonNode p2 = api.get(EVENTS + "/" + eventId + "/attendances?limit=2&cursor="
                        + Api.enc(p1.get("nextCursor").asText()))
                .expect(200);
        assertTrue(p2.get("nextCursor").isNull());
        List<String> sheet = new ArrayList<>();
        p1.get("items").forEach(i -> sheet.add(i.get("memberId").asText()));
        p2.get("items").forEach(i -> sheet.add(i.get("memberId").asText()));
        assertEquals(List.of(a, b, c).stream().sorted().toList(), sheet);

        // the audit trail records the marking with its changes
        List<List<String>> audit = rows(
                "select action, changes->'marks'->0->>'to' from audit_event where entity_id = ?::uuid"
                        + " order by occurred_at, id",
                eventId);
        assertEquals(List.of("event.created", "null"), audit.get(0));
        assertEquals(List.of("attendance.marked", "ATTENDED"), audit.get(1));
        assertEquals(3, audit.size(), "a marking that changes nothing is not audited");
    }

    @Test
    void oneUnknownOrOutOfScopeMemberFailsTheWholeSheetAndMarksNothing() {
        Api admin = api();
        String root = root();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        String eventId = event(admin, omsk, someStart(), null).get("id").asText();
        String registered = member(admin, omsk, "Ранняя");
        String good = member(admin, omsk, "Хорошая");
        String outside = member(admin, moscow, "Чужая");
        mark(admin, eventId, registered, "REGISTERED").expect(200);

        Api omskKey = Api.withKey(url, Fixtures.key(admin, EVENT_STAFF, List.of(omsk)));
        String unknown = UUID.randomUUID().toString();
        Api.Res r = mark(omskKey, eventId, good, "ATTENDED", registered, "ATTENDED", unknown, "ATTENDED");
        assertEquals(422, r.status());
        assertEquals(PROBLEM, r.contentType());
        assertEquals(List.of("marks[2].memberId:unknown-member"), paths(r.json()));

        Api.Res scope = mark(omskKey, eventId, good, "ATTENDED", outside, "ATTENDED", registered, "ATTENDED");
        assertEquals(List.of("marks[1].memberId:unknown-member"), paths(scope.expect(422)));
        assertEquals(
                scope.json().get("errors").get(0).get("message"),
                r.json().get("errors").get(0).get("message"),
                "outside scope reads exactly like unknown");

        Api.Res many = mark(omskKey, eventId, good, "ATTENDED", good, "NO_SHOW", "x", "REGISTERED");
        assertEquals(
                List.of("marks[1].memberId:duplicate", "marks[2].memberId:unknown-member"), paths(many.expect(422)));
        Map<String, Object> noStatus = Map.of("marks", List.of(Map.of("memberId", good)));
        assertEquals(
                List.of("marks[0].status:required"),
                paths(omskKey.post(EVENTS + "/" + eventId + "/attendances", noStatus)
                        .expect(422)));
        Api.Res badStatus = mark(omskKey, eventId, good, "MAYBE");
        assertEquals(400, badStatus.status());
        assertEquals(
                "marks[0].status",
                badStatus.json().get("errors").get(0).get("path").asText());
        assertEquals(
                List.of("marks:required"),
                paths(omskKey.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", List.of()))
                        .expect(422)));

        JsonNode e = admin.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(1, e.get("registered").asInt());
        assertEquals(0, e.get("attended").asInt());
        assertEquals(1, attendanceRows(eventId));
        assertEquals(1, timelineRows(eventId));
        assertEquals(List.of(), timeline(good));
        assertEquals("REGISTERED", timeline(registered).get(0).get(1));
        assertFalse(facts(good).has("lastContactAt"));
        assertFalse(facts(registered).has("lastContactAt"));

        // the same sheet without the bad line goes through
        mark(omskKey, eventId, good, "ATTENDED", registered, "ATTENDED").expect(200);
        assertEquals(
                2, admin.get(EVENTS + "/" + eventId).expect(200).get("attended").asInt());
    }

    @Test
    void registrationsBeyondTheCapacityAre409AndChangeNothing() {
        Api api = api();
        String root = root();
        String eventId = event(api, root, someStart(), 2).get("id").asText();
        String a = member(api, root, "Первая");
        String b = member(api, root, "Вторая");
        String c = member(api, root, "Третья");
        mark(api, eventId, a, "REGISTERED", b, "ATTENDED").expect(200);

        Api.Res full = mark(api, eventId, a, "ATTENDED", c, "REGISTERED");
        assertEquals(409, full.status());
        assertEquals(PROBLEM, full.contentType());
        assertEquals(
                "urn:roster:problem:event-capacity-reached",
                full.json().get("type").asText());
        JsonNode e = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(2, e.get("registered").asInt());
        assertEquals(1, e.get("attended").asInt());
        assertEquals(2, attendanceRows(eventId));
        assertEquals("REGISTERED", timeline(a).get(0).get(1), "the good line of the refused sheet did not apply");
        assertEquals(List.of(), timeline(c));
        assertFalse(facts(a).has("lastContactAt"));

        // a cancellation frees a place in the same sheet
        mark(api, eventId, a, "CANCELLED", c, "REGISTERED").expect(200);
        e = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(2, e.get("registered").asInt());
        // a no-show or an attendance of someone registered takes no new place
        mark(api, eventId, c, "ATTENDED", b, "NO_SHOW").expect(200);
        e = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(1, e.get("registered").asInt());
        assertEquals(1, e.get("attended").asInt());

        mark(api, eventId, a, "REGISTERED").expect(200);
        assertEquals(
                List.of("capacity:below-registered"),
                paths(api.patch(EVENTS + "/" + eventId, Map.of("capacity", 1)).expect(422)));
        Map<String, Object> unlimited = new LinkedHashMap<>();
        unlimited.put("capacity", null);
        assertFalse(api.patch(EVENTS + "/" + eventId, unlimited).expect(200).has("capacity"));
        mark(api, eventId, b, "REGISTERED").expect(200);
        assertEquals(
                3, api.get(EVENTS + "/" + eventId).expect(200).get("registered").asInt());
    }

    @Test
    void attendedChangedToNoShowRecomputesTheLastContact() {
        Api api = api();
        String root = root();
        Instant earlier = someStart();
        Instant later = earlier.plus(7, ChronoUnit.DAYS);
        String first = event(api, root, earlier, null).get("id").asText();
        String second = event(api, root, later, null).get("id").asText();
        String m = member(api, root, "Сутягин");
        String other = member(api, root, "Ёлкин");
        mark(api, first, m, "ATTENDED").expect(200);
        mark(api, second, m, "ATTENDED", other, "ATTENDED").expect(200);
        assertEquals(later, Instant.parse(facts(m).get("lastContactAt").asText()));

        mark(api, second, m, "NO_SHOW").expect(200);
        JsonNode f = facts(m);
        assertEquals(earlier, Instant.parse(f.get("lastContactAt").asText()));
        assertEquals("IN_PERSON", f.get("lastContactChannel").asText());
        assertEquals(
                List.of("ATTENDED", "NO_SHOW"),
                timeline(m).stream().map(r -> r.get(1)).toList());
        assertEquals("-", timeline(m).get(1).get(2), "a no-show is not in person");
        assertEquals(later, Instant.parse(facts(other).get("lastContactAt").asText()), "others keep theirs");

        mark(api, first, m, "CANCELLED").expect(200);
        assertFalse(facts(m).has("lastContactAt"), "no contact is left");
        JsonNode e = api.get(EVENTS + "/" + second).expect(200);
        assertEquals(1, e.get("registered").asInt());
        assertEquals(1, e.get("attended").asInt());
    }

    @Test
    void movingAnEventMovesItsTimelineEntriesAndTheAttendeesLastContact() {
        Api api = api();
        String root = root();
        Instant start = someStart();
        String eventId = event(api, root, start, null).get("id").asText();
        String m = member(api, root, "Переносова");
        mark(api, eventId, m, "ATTENDED").expect(200);

        Instant earlier = start.minus(2, ChronoUnit.DAYS);
        api.patch(EVENTS + "/" + eventId, Map.of("startsAt", earlier.toString(), "title", "Перенесено"))
                .expect(200);
        assertEquals(List.of(List.of(eventId, "ATTENDED", "IN_PERSON", earlier.toString(), "Перенесено")), timeline(m));
        assertEquals(earlier, Instant.parse(facts(m).get("lastContactAt").asText()));
        Instant later = start.plus(2, ChronoUnit.DAYS);
        api.patch(EVENTS + "/" + eventId, Map.of("startsAt", later.toString())).expect(200);
        assertEquals(later, Instant.parse(facts(m).get("lastContactAt").asText()));
    }

    @Test
    void memberSearchByAttendedEventListsExactlyTheAttendees() {
        Api api = api();
        String root = root();
        String district =
                Fixtures.unit(api, root, "Тарский район", "DISTRICT").get("id").asText();
        String eventId = event(api, root, someStart(), null).get("id").asText();
        String a = member(api, root, "Пришедший");
        String b = member(api, district, "Пришедшая");
        String registered = member(api, root, "Записанный");
        String noShow = member(api, root, "Непришедший");
        member(api, root, "Посторонний");
        mark(api, eventId, a, "ATTENDED", b, "ATTENDED", registered, "REGISTERED", noShow, "NO_SHOW")
                .expect(200);

        JsonNode page = api.get("/api/v1/members?attendedEventId=" + eventId + "&orgUnitId=" + root)
                .expect(200);
        Set<String> found = new HashSet<>();
        page.get("items").forEach(i -> found.add(i.get("id").asText()));
        assertEquals(Set.of(a, b), found);
    }

    @Test
    void mergingTwoAttendeesOfOneEventKeepsTheCountersTrue() {
        Api api = api();
        String root = root();
        String eventId = event(api, root, someStart(), null).get("id").asText();
        String onlyTheSource = event(api, root, someStart(), null).get("id").asText();
        String target = member(api, root, "Двойников");
        String source = member(api, root, "Двойников");
        mark(api, eventId, target, "REGISTERED", source, "ATTENDED").expect(200);
        mark(api, onlyTheSource, source, "ATTENDED").expect(200);

        api.post(
                        "/api/v1/members/" + target + "/merges",
                        Map.of("sourceMemberId", source, "attributeConflictRule", "KEEP_TARGET"))
                .expect(200);

        JsonNode both = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(attendanceRows(eventId), both.get("registered").asLong(), "the survivor's attendance stands");
        assertEquals(1, both.get("registered").asInt());
        assertEquals(0, both.get("attended").asInt());
        JsonNode moved = api.get(EVENTS + "/" + onlyTheSource).expect(200);
        assertEquals(1, moved.get("registered").asInt());
        assertEquals(1, moved.get("attended").asInt());
        assertEquals(
                target,
                api.get(EVENTS + "/" + onlyTheSource + "/attendances")
                        .expect(200)
                        .get("items")
                        .get(0)
                        .get("memberId")
                        .asText());
    }

    // ---- volume ---------------------------------------------------------------------------------------------------

    /** Correctness of a full 5,000-line sheet; the time it takes is printed, not asserted (see docs/events.md). */
    @Test
    void aSheetOfFiveThousandMembersIsMarkedInOneRequest() throws SQLException {
        Api api = api();
        String root = root();
        Instant start = someStart();
        String eventId = event(api, root, start, 5_000).get("id").asText();
        List<String> members = insertMembers(root, 5_000);

        List<Map<String, String>> marks = new ArrayList<>();
        for (String id : members) {
            marks.add(Map.of("memberId", id, "status", "ATTENDED"));
        }
        long t0 = System.nanoTime();
        JsonNode items = api.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", marks))
                .expect(200)
                .get("items");
        long markMillis = (System.nanoTime() - t0) / 1_000_000;

        for (int i = 0; i < 3; i++) {
            marks.set(i, Map.of("memberId", members.get(i), "status", "NO_SHOW"));
        }
        long t1 = System.nanoTime();
        api.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", marks))
                .expect(200);
        long remarkMillis = (System.nanoTime() - t1) / 1_000_000;

        List<Map<String, String>> noShows = new ArrayList<>();
        for (String id : members) {
            noShows.add(Map.of("memberId", id, "status", "NO_SHOW"));
        }
        long t2 = System.nanoTime();
        api.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", noShows))
                .expect(200);
        long noShowMillis = (System.nanoTime() - t2) / 1_000_000;
        System.out.printf(
                "[events] 5,000 ATTENDED marks in one request: %d ms; the same sheet with 3 NO_SHOW: %d ms;"
                        + " all 5,000 ATTENDED → NO_SHOW (each last contact recomputed): %d ms%n",
                markMillis, remarkMillis, noShowMillis);

        assertEquals(5_000, items.size());
        assertEquals(members.get(4_999), items.get(4_999).get("memberId").asText());
        assertEquals(5_000, attendanceRows(eventId));
        assertEquals(5_000, timelineRows(eventId));
        assertEquals(
                5_000,
                count(
                        "select count(*) from timeline_entry where kind = 'ATTENDANCE' and ref_id = ?::uuid"
                                + " and type = 'NO_SHOW'",
                        eventId));
        JsonNode e = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(0, e.get("registered").asInt());
        assertEquals(0, e.get("attended").asInt());
        assertEquals(
                0,
                count("select count(*) from member where org_unit_id = ?::uuid and last_contact_at is not null", root));

        marks.clear();
        for (String id : members) {
            marks.add(Map.of("memberId", id, "status", "ATTENDED"));
        }
        api.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", marks))
                .expect(200);
        e = api.get(EVENTS + "/" + eventId).expect(200);
        assertEquals(5_000, e.get("registered").asInt());
        assertEquals(5_000, e.get("attended").asInt());
        assertEquals(5_000, timelineRows(eventId));
        assertEquals(
                5_000,
                count(
                        "select count(*) from member where org_unit_id = ?::uuid and last_contact_at = ?",
                        root,
                        OffsetDateTime.ofInstant(start, ZoneOffset.UTC)));
        marks.add(Map.of("memberId", members.get(0), "status", "ATTENDED"));
        assertEquals(
                List.of("marks:too-many"),
                paths(api.post(EVENTS + "/" + eventId + "/attendances", Map.of("marks", marks))
                        .expect(422)));
    }

    /** Members straight into the table, in one multi-row statement, keyed as the service keys them. */
    private static List<String> insertMembers(String orgUnitId, int n) throws SQLException {
        UUID[] ids = new UUID[n];
        String[] given = new String[n];
        String[] family = new String[n];
        String[] search = new String[n];
        String[] sort = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Ids.newUuid();
            given[i] = "Участник";
            family[i] = "Массовый-" + i;
            search[i] = NameKeys.searchKey(given[i], null, family[i]);
            sort[i] = NameKeys.sortKey(family[i], given[i], null);
        }
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("insert into member (id, org_unit_id, given_name,"
                        + " family_name, preferred_language, status, search_key, sort_key, created_at, updated_at,"
                        + " version) select t.id, ?::uuid, t.given, t.family, 'RU', 'PROSPECT', t.search, t.sort,"
                        + " now(), now(), 0 from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " as t(id, given, family, search, sort)")) {
            ps.setString(1, orgUnitId);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("text", given));
            ps.setArray(4, c.createArrayOf("text", family));
            ps.setArray(5, c.createArrayOf("text", search));
            ps.setArray(6, c.createArrayOf("text", sort));
            assertEquals(n, ps.executeUpdate());
        }
        List<String> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(id.toString());
        }
        return out;
    }

    @Test
    void anEmptyOrMissingSheetIsRefused() {
        Api api = api();
        String root = root();
        String eventId = event(api, root, someStart(), null).get("id").asText();
        assertEquals(
                List.of("marks:required"),
                paths(api.raw("POST", EVENTS + "/" + eventId + "/attendances", "application/json", "{}")
                        .expect(422)));
        assertEquals(
                List.of("marks:required"),
                paths(api.raw("POST", EVENTS + "/" + eventId + "/attendances", "application/json", "null")
                        .expect(422)));
        assertNull(api.get(EVENTS + "/" + eventId + "/attendances")
                .expect(200)
                .get("items")
                .get(0));
    }
}
