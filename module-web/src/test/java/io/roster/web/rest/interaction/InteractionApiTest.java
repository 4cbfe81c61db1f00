package io.roster.web.rest.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
 * Interactions over real HTTP: logging with defaults and validation, idempotent externalRef, corrections with
 * revisions, soft deletion, the outcomes' consequences on the member, contact facts in member search, and bulk
 * logging all or nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class InteractionApiTest {
    private static final String INTERACTIONS = "/api/v1/interactions";
    private static final String BATCHES = "/api/v1/interaction-batches";
    private static final String MEMBERS = "/api/v1/members";
    /** A field worker's key: logs contacts and reads members, may not edit profiles. */
    private static final List<String> CANVASSER = List.of("ORG_READ", "MEMBER_READ", "INTERACTION_WRITE");

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
        return Fixtures.root(api(), "Контакты " + Fixtures.unique("R"))
                .get("id")
                .asText();
    }

    private String member(String orgUnitId) {
        return member(orgUnitId, Map.of());
    }

    private String member(String orgUnitId, Map<String, Object> extra) {
        Map<String, Object> body = Fixtures.person(orgUnitId, "Ірина", "Петрівна", "Ґудзь-" + digits(5));
        body.putAll(extra);
        return Fixtures.member(api(), body).get("id").asText();
    }

    /** An API key with its id and name, which become the author of what it logs. */
    private record Key(String id, String name, String secret) {}

    private Key key(List<String> permissions, String orgUnitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Обзвон"));
        body.put("permissions", permissions);
        body.put("orgUnitIds", List.of(orgUnitId));
        JsonNode k = api().post("/api/v1/api-keys", body).expect(201);
        return new Key(
                k.get("key").get("id").asText(),
                k.get("key").get("name").asText(),
                k.get("secret").asText());
    }

    private Api as(Key key) {
        return Api.withKey(url, key.secret());
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }

    private static String mobile() {
        return "+7913" + digits(7);
    }

    /** A time in the past, whole seconds, so values compare exactly after the round trip. */
    private static Instant ago(Duration d) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(d);
    }

    private static Map<String, Object> call(String memberId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("memberId", memberId);
        b.put("type", "CALL");
        b.put("channel", "PHONE");
        return b;
    }

    private static Map<String, Object> call(String memberId, Instant at, String outcome) {
        Map<String, Object> b = call(memberId);
        b.put("occurredAt", at.toString());
        if (outcome != null) {
            b.put("outcome", outcome);
        }
        return b;
    }

    private String log(Map<String, Object> body) {
        return api().post(INTERACTIONS, body).expect(201).get("id").asText();
    }

    private static List<String> errors(JsonNode problem) {
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

    private List<String> interactionsOf(String memberId) {
        return ids(
                api().get(MEMBERS + "/" + memberId + "/interactions?limit=200").expect(200));
    }

    private List<String> timelineOf(String memberId) {
        return ids(api().get(MEMBERS + "/" + memberId + "/timeline?limit=200").expect(200));
    }

    private JsonNode memberJson(String memberId) {
        return api().get(MEMBERS + "/" + memberId).expect(200);
    }

    private JsonNode facts(String memberId) {
        return memberJson(memberId).get("contactFacts");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    // ---- log ------------------------------------------------------------------------------------------------------

    @Test
    void logAnswers201WithLocationEtagAndTheFieldsAsSent() {
        String root = root();
        String m = member(root);
        Instant at = ago(Duration.ofHours(3));
        Map<String, Object> body = call(m, at, "REACHED");
        body.put("direction", "INBOUND");
        body.put("durationSeconds", 754);
        body.put("subject", "Перезвонила: «Готова агитировать» — ґанок, їжак, Семёнов");
        body.put(
                "body",
                "Спросила про собрание в субботу.\nПʼять сусідів готові підписати — з’їзд у Ніжині.\n\tИтог: да.");
        body.put("tags", List.of("обзвон", "волонтёр"));
        Api.Res r = api().post(INTERACTIONS, body);
        JsonNode i = r.expect(201);
        String id = i.get("id").asText();
        assertEquals(INTERACTIONS + "/" + id, r.header("Location"));
        assertEquals("\"0\"", r.header("ETag"));
        assertEquals(7, UUID.fromString(id).version());

        JsonNode got = api().get(INTERACTIONS + "/" + id).expect(200);
        for (JsonNode x : List.of(i, got)) {
            assertEquals(m, x.get("memberId").asText());
            assertEquals(root, x.get("orgUnitId").asText(), "defaults to the member's home unit");
            assertEquals("CALL", x.get("type").asText());
            assertEquals("INBOUND", x.get("direction").asText());
            assertEquals("PHONE", x.get("channel").asText());
            assertEquals(at, Instant.parse(x.get("occurredAt").asText()));
            assertEquals(754, x.get("durationSeconds").asInt());
            assertEquals(
                    "Перезвонила: «Готова агитировать» — ґанок, їжак, Семёнов",
                    x.get("subject").asText());
            assertEquals(
                    "Спросила про собрание в субботу.\nПʼять сусідів готові підписати — з’їзд у Ніжині.\n\tИтог: да.",
                    x.get("body").asText());
            assertEquals("REACHED", x.get("outcome").asText());
            assertEquals(Set.of("обзвон", "волонтёр"), texts(x.get("tags")));
            assertEquals(0, x.get("version").asInt());
            assertFalse(x.has("deletedAt"));
            assertFalse(x.has("doNotContact"), "the flag is an instruction, never stored");
        }
        assertEquals("\"0\"", api().get(INTERACTIONS + "/" + id).header("ETag"));
        assertEquals(List.of(id), interactionsOf(m));
        assertEquals(at, Instant.parse(facts(m).get("lastContactAt").asText()));
        assertEquals("PHONE", facts(m).get("lastContactChannel").asText());
        assertEquals("REACHED", facts(m).get("lastOutcome").asText());
    }

    @Test
    void logDefaultsToOutboundNowTheApiSourceAndTheKeyAsAuthor() {
        String root = root();
        String m = member(root);
        Key k = key(CANVASSER, root);
        Instant before = Instant.now().minusSeconds(5);
        JsonNode i = as(k).post(INTERACTIONS, call(m)).expect(201);
        Instant after = Instant.now().plusSeconds(5);
        assertEquals("OUTBOUND", i.get("direction").asText());
        Instant at = Instant.parse(i.get("occurredAt").asText());
        assertTrue(!at.isBefore(before) && !at.isAfter(after), "occurredAt " + at + " is not now");
        assertEquals("API", i.get("source").asText());
        assertEquals(k.id(), i.get("authorId").asText());
        assertEquals(k.name(), i.get("authorName").asText());
        assertEquals(root, i.get("orgUnitId").asText());
        assertFalse(i.has("outcome"));
        assertFalse(i.has("externalRef"));
        assertEquals(Set.of(), texts(i.get("tags")));
    }

    @Test
    void occurredAtInTheFutureIs422() {
        String m = member(root());
        Map<String, Object> body = call(m, Instant.now().plus(Duration.ofHours(1)), null);
        JsonNode p = api().post(INTERACTIONS, body).expect(422);
        assertEquals(List.of("occurredAt:in-future"), errors(p));

        Map<String, Object> drift = call(m, Instant.now().plus(Duration.ofMinutes(1)), null);
        api().post(INTERACTIONS, drift).expect(201);
        assertEquals(1, interactionsOf(m).size(), "only the clock-drift one was logged");
    }

    @Test
    void unknownTypeIs422OnType() {
        String m = member(root());
        Map<String, Object> body = call(m);
        body.put("type", "FAX_" + digits(6));
        assertEquals(
                List.of("type:unknown-type"),
                errors(api().post(INTERACTIONS, body).expect(422)));
        body.put("type", "fax");
        assertEquals(
                List.of("type:required"), errors(api().post(INTERACTIONS, body).expect(422)));
        assertEquals(List.of(), interactionsOf(m));
    }

    @Test
    void memberOutsideScopeIsAnUnknownMemberLikeANonexistentOne() {
        String mine = root();
        String other = root();
        String stranger = member(other);
        Key k = key(CANVASSER, mine);
        JsonNode outside = as(k).post(INTERACTIONS, call(stranger)).expect(422);
        JsonNode nonexistent =
                as(k).post(INTERACTIONS, call(UUID.randomUUID().toString())).expect(422);
        assertEquals(List.of("memberId:unknown-member"), errors(outside));
        assertEquals(errors(nonexistent), errors(outside));
        assertEquals(nonexistent.get("detail"), outside.get("detail"), "nothing tells the two apart");
        assertEquals(List.of(), interactionsOf(stranger));
    }

    // ---- externalRef ----------------------------------------------------------------------------------------------

    @Test
    void sameExternalRefTwiceIsOneInteractionCorrectedTheSecondTime() {
        String m = member(root());
        String ref = Fixtures.unique("crm");
        Instant at = ago(Duration.ofHours(5));
        Map<String, Object> first = call(m, at, "NOT_HOME");
        first.put("externalRef", ref);
        first.put("subject", "Не дозвонились");
        Api.Res created = api().post(INTERACTIONS, first);
        String id = created.expect(201).get("id").asText();

        Map<String, Object> second = call(m, at, "REACHED");
        second.put("externalRef", ref);
        second.put("subject", "Дозвонились со второго раза");
        Api.Res again = api().post(INTERACTIONS, second);
        JsonNode i = again.expect(200);
        assertEquals(id, i.get("id").asText());
        assertEquals("REACHED", i.get("outcome").asText());
        assertEquals("Дозвонились со второго раза", i.get("subject").asText());
        assertEquals(1, i.get("version").asInt());
        assertEquals("\"1\"", again.header("ETag"));
        assertEquals(INTERACTIONS + "/" + id, again.header("Location"));

        assertEquals(List.of(id), interactionsOf(m));
        assertEquals(List.of(id), timelineOf(m).stream().filter(id::equals).toList());
        JsonNode revisions = api().get(INTERACTIONS + "/" + id + "/revisions").expect(200);
        assertEquals(1, revisions.get("items").size());
        JsonNode rev = revisions.get("items").get(0);
        assertEquals(1, rev.get("revision").asInt());
        assertEquals("NOT_HOME", rev.get("changes").get("outcome").get("from").asText());
        assertEquals("REACHED", rev.get("changes").get("outcome").get("to").asText());
        assertEquals(
                "Не дозвонились", rev.get("changes").get("subject").get("from").asText());

        // The same delivery a third time changes nothing.
        JsonNode third = api().post(INTERACTIONS, second).expect(200);
        assertEquals(1, third.get("version").asInt());
        assertEquals(
                1,
                api().get(INTERACTIONS + "/" + id + "/revisions")
                        .expect(200)
                        .get("items")
                        .size());
    }

    // ---- corrections ----------------------------------------------------------------------------------------------

    @Test
    void patchCorrectsWithARevisionAndAStaleIfMatchIs412() {
        String root = root();
        String m = member(root);
        Key k = key(CANVASSER, root);
        Map<String, Object> body = call(m, ago(Duration.ofHours(2)), "REACHED");
        body.put("subject", "Звонок Ирине");
        String id = as(k).post(INTERACTIONS, body).expect(201).get("id").asText();

        Api.Res r = as(k).header("If-Match", "\"0\"")
                .patch(INTERACTIONS + "/" + id, Map.of("subject", "Звонок Ірині — уточнено"));
        JsonNode i = r.expect(200);
        assertEquals(1, i.get("version").asInt());
        assertEquals("\"1\"", r.header("ETag"));
        assertEquals("Звонок Ірині — уточнено", i.get("subject").asText());
        assertEquals("REACHED", i.get("outcome").asText(), "fields not in the patch stay");

        JsonNode revisions = api().get(INTERACTIONS + "/" + id + "/revisions").expect(200);
        assertEquals(1, revisions.get("items").size());
        JsonNode rev = revisions.get("items").get(0);
        assertEquals(1, rev.get("revision").asInt());
        assertEquals(Set.of("subject"), fieldNames(rev.get("changes")));
        assertEquals(
                "Звонок Ирине", rev.get("changes").get("subject").get("from").asText());
        assertEquals(
                "Звонок Ірині — уточнено",
                rev.get("changes").get("subject").get("to").asText());
        assertEquals(k.id(), rev.get("changedBy").asText());
        assertEquals(k.name(), rev.get("changedByName").asText());
        assertFalse(rev.get("deleted").asBoolean());

        JsonNode stale = as(k).header("If-Match", "\"0\"")
                .patch(INTERACTIONS + "/" + id, Map.of("subject", "Опоздавшая правка"))
                .expect(412);
        assertEquals(1, stale.get("currentVersion").asInt());
        JsonNode unchanged = api().get(INTERACTIONS + "/" + id).expect(200);
        assertEquals("Звонок Ірині — уточнено", unchanged.get("subject").asText());
        assertEquals(1, unchanged.get("version").asInt());
        assertEquals(
                1,
                api().get(INTERACTIONS + "/" + id + "/revisions")
                        .expect(200)
                        .get("items")
                        .size());
    }

    @Test
    void memberIdCannotBePatched() {
        String root = root();
        String m = member(root);
        String other = member(root);
        String id = log(call(m, ago(Duration.ofHours(1)), null));
        JsonNode p =
                api().patch(INTERACTIONS + "/" + id, Map.of("memberId", other)).expect(422);
        assertEquals(List.of("memberId:immutable"), errors(p));
        assertEquals(
                m,
                api().get(INTERACTIONS + "/" + id).expect(200).get("memberId").asText());
        assertEquals(List.of(), interactionsOf(other));
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- delete ---------------------------------------------------------------------------------------------------

    @Test
    void deleteHidesTheInteractionFromNonAdminsAndRecomputesContactFacts() {
        String root = root();
        String m = member(root);
        Key k = key(CANVASSER, root);
        Instant earlier = ago(Duration.ofDays(3));
        Instant later = ago(Duration.ofDays(1));
        String first = log(call(m, earlier, "LEFT_MESSAGE"));
        String second = log(call(m, later, "REACHED"));
        assertEquals(later, Instant.parse(facts(m).get("lastContactAt").asText()));
        assertTrue(timelineOf(m).containsAll(List.of(first, second)));

        JsonNode deleted = as(k).delete(INTERACTIONS + "/" + second).expect(200);
        assertEquals(second, deleted.get("id").asText());
        assertNotNull(deleted.get("deletedAt"));
        Instant deletedAt = Instant.parse(deleted.get("deletedAt").asText());

        as(k).get(INTERACTIONS + "/" + second).expect(404);
        JsonNode forAdmin = api().get(INTERACTIONS + "/" + second).expect(200);
        assertEquals(deletedAt, Instant.parse(forAdmin.get("deletedAt").asText()));
        assertEquals(List.of(first), interactionsOf(m));
        assertFalse(timelineOf(m).contains(second));
        assertTrue(timelineOf(m).contains(first));
        JsonNode f = facts(m);
        assertEquals(earlier, Instant.parse(f.get("lastContactAt").asText()), "back to the previous contact");
        assertEquals("LEFT_MESSAGE", f.get("lastOutcome").asText());

        JsonNode revisions =
                api().get(INTERACTIONS + "/" + second + "/revisions").expect(200);
        assertEquals(1, revisions.get("items").size());
        assertTrue(revisions.get("items").get(0).get("deleted").asBoolean());
        assertEquals(k.id(), revisions.get("items").get(0).get("changedBy").asText());

        // Deleting again changes nothing; deleting the last contact leaves none.
        api().delete(INTERACTIONS + "/" + second).expect(200);
        assertEquals(
                1,
                api().get(INTERACTIONS + "/" + second + "/revisions")
                        .expect(200)
                        .get("items")
                        .size());
        api().delete(INTERACTIONS + "/" + first).expect(200);
        assertEquals(List.of(), interactionsOf(m));
        JsonNode none = facts(m);
        assertTrue(none == null || !none.has("lastContactAt"), "no contact left: " + none);
        assertTrue(none == null || !none.has("lastOutcome"), "no contact left: " + none);
    }

    // ---- outcome consequences -------------------------------------------------------------------------------------

    @Test
    void wrongNumberInNationalFormatMarksExactlyThatPhoneBad() {
        String root = root();
        String primary = mobile();
        String wrong = mobile();
        String m = member(
                root,
                Map.of(
                        "phones",
                        List.of(
                                Map.of("number", primary, "primary", true),
                                Map.of("number", wrong, "label", "домашний"))));
        Key k = key(CANVASSER, root);
        Map<String, Object> body = call(m, ago(Duration.ofMinutes(10)), "WRONG_NUMBER");
        // +7 913 123-45-67 as people write it at home: 8 (913) 123-45-67
        String national = "8 (" + wrong.substring(2, 5) + ") " + wrong.substring(5, 8) + "-" + wrong.substring(8, 10)
                + "-" + wrong.substring(10);
        body.put("phone", national);
        JsonNode i = as(k).post(INTERACTIONS, body).expect(201);
        assertEquals(wrong, i.get("phone").asText(), "stored in E.164");

        JsonNode phones = memberJson(m).get("phones");
        assertEquals(2, phones.size());
        for (JsonNode p : phones) {
            String expected = p.get("number").asText().equals(wrong) ? "BAD" : "ACTIVE";
            assertEquals(expected, p.get("status").asText(), p.toString());
        }
    }

    @Test
    void movedMarksTheAddressesStale() {
        String root = root();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("locality", "Нижний Новгород");
        address.put("street", "ул. Рождественская");
        address.put("building", "5");
        String m = member(root, Map.of("addresses", List.of(address)));
        Key k = key(CANVASSER, root);
        Map<String, Object> body = call(m, ago(Duration.ofMinutes(10)), "MOVED");
        body.put("type", "VISIT");
        body.put("channel", "VISIT");
        as(k).post(INTERACTIONS, body).expect(201);
        JsonNode addresses = memberJson(m).get("addresses");
        assertEquals(1, addresses.size());
        assertEquals("STALE", addresses.get(0).get("status").asText());
        assertEquals("ул. Рождественская", addresses.get(0).get("street").asText());
    }

    @Test
    void deceasedSetsTheStatusStopsEveryChannelAndShowsOnTheTimeline() {
        String root = root();
        String m = member(root, Map.of("phones", List.of(Map.of("number", mobile()))));
        Key k = key(CANVASSER, root);
        as(k).post(INTERACTIONS, call(m, ago(Duration.ofMinutes(10)), "DECEASED"))
                .expect(201);
        JsonNode member = memberJson(m);
        assertEquals("DECEASED", member.get("status").asText());
        assertEquals(Set.of("TELEGRAM", "EMAIL", "SMS", "PHONE", "POST", "VISIT"), texts(member.get("doNotContact")));
        assertEquals("ACTIVE", member.get("phones").get(0).get("status").asText());

        JsonNode timeline =
                api().get(MEMBERS + "/" + m + "/timeline?kind=STATUS_CHANGE").expect(200);
        List<String> statuses = new ArrayList<>();
        timeline.get("items").forEach(e -> statuses.add(e.get("type").asText()));
        assertEquals(List.of("DECEASED", "PROSPECT"), statuses);
        assertEquals(
                "PROSPECT", timeline.get("items").get(0).get("data").get("from").asText());
    }

    @Test
    void refusedWithDoNotContactStopsThatChannel() {
        String root = root();
        String m = member(root, Map.of("doNotContact", List.of("EMAIL")));
        Key k = key(CANVASSER, root);
        Map<String, Object> body = call(m, ago(Duration.ofMinutes(10)), "REFUSED");
        body.put("doNotContact", true);
        as(k).post(INTERACTIONS, body).expect(201);
        assertEquals(Set.of("EMAIL", "PHONE"), texts(memberJson(m).get("doNotContact")));
        assertEquals("PROSPECT", memberJson(m).get("status").asText());

        String other = member(root);
        as(k).post(INTERACTIONS, call(other, ago(Duration.ofMinutes(10)), "REFUSED"))
                .expect(201);
        assertEquals(Set.of(), texts(memberJson(other).get("doNotContact")), "a refusal alone stops nothing");
    }

    @Test
    void aCanvasserWithoutMemberWriteStillTriggersTheConsequences() {
        String root = root();
        Key k = key(CANVASSER, root);
        String m = member(root);
        // The key cannot edit the profile itself …
        as(k).patch(MEMBERS + "/" + m, Map.of("status", "SUPPORTER")).expect(403);
        // … but what it records has its consequences.
        Map<String, Object> body = call(m, ago(Duration.ofMinutes(10)), "REFUSED");
        body.put("channel", "SMS");
        body.put("type", "SMS");
        body.put("doNotContact", true);
        as(k).post(INTERACTIONS, body).expect(201);
        assertEquals(Set.of("SMS"), texts(memberJson(m).get("doNotContact")));
        as(k).post(INTERACTIONS, call(m, ago(Duration.ofMinutes(5)), "DECEASED"))
                .expect(201);
        assertEquals("DECEASED", memberJson(m).get("status").asText());
    }

    // ---- contact facts --------------------------------------------------------------------------------------------

    @Test
    void aNoteIsNotAContact() {
        String m = member(root());
        Map<String, Object> note = call(m, ago(Duration.ofHours(1)), null);
        note.put("type", "NOTE");
        note.put("channel", "OTHER");
        note.put("body", "Со слов соседки: переехала к дочери.");
        log(note);
        JsonNode none = facts(m);
        assertTrue(none == null || !none.has("lastContactAt"), "a note is not a contact: " + none);

        Instant called = ago(Duration.ofDays(2));
        log(call(m, called, "REACHED"));
        note.put("occurredAt", ago(Duration.ofMinutes(30)).toString());
        log(note);
        assertEquals(called, Instant.parse(facts(m).get("lastContactAt").asText()));
        assertEquals(3, interactionsOf(m).size());
    }

    @Test
    void memberSearchFindsByDaysSinceContactAndLastOutcome() {
        String root = root();
        String recent = member(root);
        String stale = member(root);
        String never = member(root);
        String refused = member(root);
        String noteOnly = member(root);
        log(call(recent, ago(Duration.ofDays(10)), "REACHED"));
        log(call(stale, ago(Duration.ofDays(40)), "REACHED"));
        log(call(refused, ago(Duration.ofDays(5)), "REFUSED"));
        Map<String, Object> note = call(noteOnly, ago(Duration.ofDays(1)), null);
        note.put("type", "NOTE");
        log(note);

        assertEquals(
                Set.of(stale, never, noteOnly),
                Set.copyOf(ids(api().get(MEMBERS + "?limit=200&orgUnitId=" + root + "&notContactedForDays=30")
                        .expect(200))));
        assertEquals(
                Set.of(refused),
                Set.copyOf(ids(api().get(MEMBERS + "?limit=200&orgUnitId=" + root + "&lastOutcome=REFUSED")
                        .expect(200))));
        assertEquals(
                Set.of(recent, stale),
                Set.copyOf(ids(api().get(MEMBERS + "?limit=200&orgUnitId=" + root + "&lastOutcome=REACHED")
                        .expect(200))));
    }

    // ---- bulk -----------------------------------------------------------------------------------------------------

    private static Map<String, Object> template() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "CANVASS");
        t.put("channel", "VISIT");
        t.put("outcome", "NOT_HOME");
        t.put("subject", "Обход двора: ул. Ильинская, 12");
        t.put("occurredAt", ago(Duration.ofHours(4)).toString());
        return t;
    }

    private static Map<String, Object> batch(Map<String, Object> template, List<String> memberIds) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("interaction", template);
        b.put("memberIds", memberIds);
        return b;
    }

    @Test
    void bulkLogsForEveryMemberInRequestOrder() {
        String root = root();
        List<String> members = List.of(member(root), member(root), member(root));
        Key k = key(CANVASSER, root);
        JsonNode r = as(k).post(BATCHES, batch(template(), members)).expect(201);
        JsonNode items = r.get("items");
        assertEquals(3, items.size());
        Set<String> interactionIds = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String m = members.get(i);
            assertEquals(m, items.get(i).get("memberId").asText());
            String id = items.get(i).get("interactionId").asText();
            interactionIds.add(id);
            assertEquals(List.of(id), interactionsOf(m));
            assertTrue(timelineOf(m).contains(id), "on the timeline of " + m);
            JsonNode interaction = api().get(INTERACTIONS + "/" + id).expect(200);
            assertEquals(m, interaction.get("memberId").asText());
            assertEquals(
                    "Обход двора: ул. Ильинская, 12", interaction.get("subject").asText());
            assertEquals(k.id(), interaction.get("authorId").asText());
            assertEquals("NOT_HOME", facts(m).get("lastOutcome").asText());
        }
        assertEquals(3, interactionIds.size());
    }

    @Test
    void oneMemberOutOfScopeAmongFiftyLogsNothing() {
        String root = root();
        String stranger = member(root());
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            members.add(member(root));
        }
        members.add(37, stranger);
        Key k = key(CANVASSER, root);
        JsonNode p = as(k).post(BATCHES, batch(template(), members)).expect(422);
        assertEquals(List.of("memberIds[37]:unknown-member"), errors(p));
        for (String m : members) {
            assertEquals(List.of(), interactionsOf(m), "nothing logged for " + m);
        }

        List<String> withUnknown = new ArrayList<>(members.subList(0, 49));
        withUnknown.remove(stranger);
        withUnknown.add(12, UUID.randomUUID().toString());
        JsonNode unknown = as(k).post(BATCHES, batch(template(), withUnknown)).expect(422);
        assertEquals(List.of("memberIds[12]:unknown-member"), errors(unknown));
        for (String m : members) {
            assertEquals(List.of(), interactionsOf(m), "nothing logged for " + m);
        }
    }

    @Test
    void aMemberListedTwiceIs422() {
        String root = root();
        String a = member(root);
        String b = member(root);
        JsonNode p = api().post(BATCHES, batch(template(), List.of(a, b, a))).expect(422);
        assertEquals(List.of("memberIds[2]:duplicate"), errors(p));
        assertEquals(List.of(), interactionsOf(a));
        assertEquals(List.of(), interactionsOf(b));
    }

    @Test
    void aMemberIdInTheTemplateIs422() {
        String root = root();
        String a = member(root);
        Map<String, Object> t = template();
        t.put("memberId", a);
        JsonNode p = api().post(BATCHES, batch(t, List.of(a))).expect(422);
        assertEquals(List.of("interaction.memberId:not-allowed"), errors(p));
        assertEquals(List.of(), interactionsOf(a));
    }

    @Test
    void moreThan5000MembersIs422() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        JsonNode p = api().post(BATCHES, batch(template(), ids)).expect(422);
        assertEquals(List.of("memberIds:size"), errors(p));
        assertEquals(
                List.of("memberIds:size"),
                errors(api().post(BATCHES, batch(template(), List.of())).expect(422)));
    }
}
