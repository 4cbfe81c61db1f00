package io.roster.web.rest.member;

import static io.roster.web.rest.member.MemberTestData.PROBLEM;
import static io.roster.web.rest.member.MemberTestData.codeAt;
import static io.roster.web.rest.member.MemberTestData.consent;
import static io.roster.web.rest.member.MemberTestData.defineAttribute;
import static io.roster.web.rest.member.MemberTestData.digits;
import static io.roster.web.rest.member.MemberTestData.email;
import static io.roster.web.rest.member.MemberTestData.idsUnder;
import static io.roster.web.rest.member.MemberTestData.paths;
import static io.roster.web.rest.member.MemberTestData.phone;
import static io.roster.web.rest.member.MemberTestData.russianMobile;
import static io.roster.web.rest.member.MemberTestData.searchIds;
import static io.roster.web.rest.member.MemberTestData.texts;
import static io.roster.web.rest.member.MemberTestData.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Member profiles over real HTTP: create, normalisation, merge-patch, idempotency, custom attributes, archive. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MemberApiTest {
    private static final String MEMBERS = "/api/v1/members";

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
        return Fixtures.root(api(), "Члены " + Fixtures.unique("R")).get("id").asText();
    }

    // ---- create ---------------------------------------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationEtagUuidV7AndDisplayNamePerLanguage() {
        String root = root();
        Api.Res r = api().header("Accept-Language", "ru-RU,ru;q=0.9")
                .post(MEMBERS, Fixtures.person(root, "Иван", "Петрович", "Сутягин-" + digits(6)));
        JsonNode m = r.expect(201);
        String id = m.get("id").asText();
        String family = m.get("familyName").asText();
        assertEquals(MEMBERS + "/" + id, r.header("Location"));
        assertEquals("\"0\"", r.header("ETag"));
        assertEquals(7, UUID.fromString(id).version(), id);
        assertEquals(0, m.get("version").asInt());
        assertEquals("PROSPECT", m.get("status").asText());
        assertEquals(family + " Иван Петрович", m.get("displayName").asText());

        Api.Res en = api().header("Accept-Language", "en-GB,en;q=0.8").get(MEMBERS + "/" + id);
        assertEquals("Иван " + family, en.expect(200).get("displayName").asText());
        assertEquals("\"0\"", en.header("ETag"));
        assertEquals(
                family + " Иван Петрович",
                api().header("Accept-Language", "uk-UA")
                        .get(MEMBERS + "/" + id)
                        .expect(200)
                        .get("displayName")
                        .asText());
    }

    @Test
    void russianAndUkrainianTextRoundTripsExactly() {
        Api api = api();
        String root = root();
        String note = defineAttribute(api, "STRING", null);
        String noteText = "Ёлкин сказав «так» — пʼять разів; ґанок, їжак, єнот, сім'я";
        String evidence = "Анкета № 17: «Згоден на розсилку» — підпис; з’їзд у Чернігові, Семёнов присутній";
        Map<String, Object> body = Fixtures.person(root, "Дарʼя", "Семёновна", "Ґудзь-Їжакевич-Єрмак");
        body.put("tags", List.of("волонтёр", "їжак", "пʼятниця", "сім'я"));
        body.put("skills", List.of("вёрстка", "ґрунтознавство"));
        body.put("positions", List.of(Map.of("title", "Секретар первинної організації «Ґанок»")));
        body.put("phones", List.of(Map.of("number", russianMobile(), "label", "мобільний")));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("label", "домашня");
        address.put("postalCode", "16600");
        address.put("country", "UA");
        address.put("region", "Чернігівська область");
        address.put("locality", "Ніжин");
        address.put("street", "вулиця Євгена Гребінки");
        address.put("building", "12-ґ");
        address.put("apartment", "кв. 5, підʼїзд 2");
        body.put("addresses", List.of(address));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("channel", "SMS");
        consent.put("granted", true);
        consent.put("source", "паперова анкета «Їжа»");
        consent.put("evidence", evidence);
        consent.put("recordedAt", "2024-03-01T10:00:00Z");
        body.put("consents", List.of(consent));
        body.put("customAttributes", Map.of(note, noteText));
        String id = api.post(MEMBERS + "?allowDuplicates=true", body)
                .expect(201)
                .get("id")
                .asText();

        JsonNode m = api.get(MEMBERS + "/" + id).expect(200);
        assertEquals("Дарʼя", m.get("givenName").asText());
        assertEquals("Семёновна", m.get("patronymic").asText());
        assertEquals("Ґудзь-Їжакевич-Єрмак", m.get("familyName").asText());
        assertEquals(
                "Ґудзь-Їжакевич-Єрмак Дарʼя Семёновна", m.get("displayName").asText());
        assertEquals(
                new TreeSet<>(List.of("волонтёр", "їжак", "пʼятниця", "сім'я")), new TreeSet<>(texts(m.get("tags"))));
        assertEquals(new TreeSet<>(List.of("вёрстка", "ґрунтознавство")), new TreeSet<>(texts(m.get("skills"))));
        assertEquals(
                "Секретар первинної організації «Ґанок»",
                m.get("positions").get(0).get("title").asText());
        assertEquals("мобільний", m.get("phones").get(0).get("label").asText());
        JsonNode a = m.get("addresses").get(0);
        address.forEach((k, v) -> assertEquals(v, a.get(k).asText(), k));
        JsonNode c = m.get("consents").get(0);
        assertEquals("паперова анкета «Їжа»", c.get("source").asText());
        assertEquals(evidence, c.get("evidence").asText());
        assertEquals("2024-03-01T10:00:00Z", c.get("recordedAt").asText());
        assertEquals(noteText, m.get("customAttributes").get(note).asText());
    }

    // ---- normalisation and validation -----------------------------------------------------------------------------

    @Test
    void phonesAreStoredInE164AndEmailDomainsInLowerCaseKeepingTheirScript() {
        Api api = api();
        String root = root();
        Map<String, Object> body = Fixtures.person(root, "Иван", null, "Телефонов");
        body.put("phones", List.of(phone("8 (913) 123-45-67"), phone("+380 44 123 4567")));
        body.put("emails", List.of(email("Иван@Пример.РФ"), email("Ivan.Petrov@Example.COM")));
        String id = api.post(MEMBERS + "?allowDuplicates=true", body)
                .expect(201)
                .get("id")
                .asText();

        JsonNode m = api.get(MEMBERS + "/" + id).expect(200);
        assertEquals(List.of("+79131234567", "+380441234567"), values(m.get("phones"), "number"));
        assertEquals("ACTIVE", m.get("phones").get(0).get("status").asText());
        assertEquals(List.of("Иван@пример.рф", "Ivan.Petrov@example.com"), values(m.get("emails"), "address"));
        // the normalised number is what search matches, whatever format the searcher types
        assertEquals(List.of(id), searchIds(api, "orgUnitId=" + root + "&q=" + Api.enc("8 913 123 45 67")));
    }

    @Test
    void invalidPhoneOrEmailIs422WithTheFieldPath() {
        Api api = api();
        String root = root();
        Map<String, Object> badPhone = Fixtures.person(root, "Иван", null, "Ошибкин");
        badPhone.put("phones", List.of(phone("+7 913 12")));
        JsonNode p = api.post(MEMBERS, badPhone).expect(422);
        assertEquals(PROBLEM + "validation", p.get("type").asText());
        assertEquals("invalid-phone", codeAt(p, "phones[0].number"), p.toString());

        Map<String, Object> badEmail = Fixtures.person(root, "Иван", null, "Ошибкин");
        badEmail.put("emails", List.of(email("ivan@@пример.рф")));
        JsonNode e = api.post(MEMBERS, badEmail).expect(422);
        assertEquals("invalid-email", codeAt(e, "emails[0].address"), e.toString());
        assertTrue(idsUnder(api, root).isEmpty());
    }

    @Test
    void everyInvalidFieldIsReportedInOneResponse() {
        Map<String, Object> body = Fixtures.person(root(), "Иван", null, "Ошибкин");
        body.put("phones", List.of(phone(russianMobile()), phone("позвонить Ивану")));
        body.put("emails", List.of(email("не адрес")));
        body.put("supportLevel", 9);
        body.put("birthDate", LocalDate.now().plusYears(1).toString());
        JsonNode p = api().post(MEMBERS, body).expect(422);
        assertTrue(
                paths(p).containsAll(List.of("phones[1].number", "emails[0].address", "supportLevel", "birthDate")),
                paths(p).toString());
        assertFalse(paths(p).contains("phones[0].number"), paths(p).toString());
        assertFalse(p.toString().contains("Exception"));
    }

    // ---- merge-patch ------------------------------------------------------------------------------------------------

    @Test
    void mergePatchChangesOnlyGivenFieldsRemovesNullsAndReplacesArrays() {
        Api api = api();
        String p1 = russianMobile();
        String p2 = russianMobile();
        Map<String, Object> body = Fixtures.person(root(), "Ольга", "Ивановна", "Патчева");
        body.put("phones", List.of(phone(p1)));
        body.put("tags", List.of("а", "б"));
        body.put("supportLevel", 2);
        String id = Fixtures.member(api, body).get("id").asText();

        Api.Res r = api.patch(MEMBERS + "/" + id, Map.of("supportLevel", 4));
        JsonNode m = r.expect(200);
        assertEquals("\"1\"", r.header("ETag"));
        assertEquals(1, m.get("version").asInt());
        assertEquals(4, m.get("supportLevel").asInt());
        assertEquals("Ольга", m.get("givenName").asText());
        assertEquals("Ивановна", m.get("patronymic").asText());
        assertEquals(List.of(p1), values(m.get("phones"), "number"));
        assertEquals(List.of("а", "б"), texts(m.get("tags")));

        m = api.patch(MEMBERS + "/" + id, "{\"patronymic\": null}").expect(200);
        assertFalse(m.has("patronymic"), m.toString());
        assertEquals("Патчева Ольга", m.get("displayName").asText());
        assertEquals(2, m.get("version").asInt());

        api.patch(MEMBERS + "/" + id, Map.of("phones", List.of(phone(p2)), "tags", List.of("в")))
                .expect(200);
        JsonNode after = api.get(MEMBERS + "/" + id).expect(200);
        assertEquals(List.of(p2), values(after.get("phones"), "number"));
        assertEquals(List.of("в"), texts(after.get("tags")));
        assertEquals(4, after.get("supportLevel").asInt());
        assertFalse(after.has("patronymic"));
        assertEquals(3, after.get("version").asInt());
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        Api api = api();
        String number = defineAttribute(api, "NUMBER", null);
        String text = defineAttribute(api, "STRING", null);
        Map<String, Object> body = Fixtures.person(root(), "Пётр", "Семёнович", "Неизменный");
        body.put("phones", List.of(phone(russianMobile())));
        body.put("emails", List.of(email("petr." + digits(6) + "@Пример.РФ")));
        body.put("tags", List.of("ё", "a"));
        body.put("consents", List.of(consent("EMAIL", true, null)));
        body.put("addresses", List.of(Map.of("locality", "Омск", "country", "ru")));
        body.put("customAttributes", Map.of(number, 3.5, text, "текст"));
        body.put("status", "MEMBER");
        String id = Fixtures.member(api, body).get("id").asText();

        Api.Res same = api.patch(MEMBERS + "/" + id, Map.of("givenName", "Пётр", "tags", List.of("a", "ё")));
        assertEquals(0, same.expect(200).get("version").asInt(), same.body());
        assertEquals("\"0\"", same.header("ETag"));
        assertEquals(
                0,
                api.patch(MEMBERS + "/" + id, Map.of())
                        .expect(200)
                        .get("version")
                        .asInt());
        assertEquals(0, api.get(MEMBERS + "/" + id).expect(200).get("version").asInt());
    }

    @Test
    void staleIfMatchIs412WithCurrentVersionAndChangesNothing() {
        Api api = api();
        String id = Fixtures.member(api, Fixtures.person(root(), "Анна", null, "Версионная"))
                .get("id")
                .asText();
        Api.Res first = api.header("If-Match", "\"0\"").patch(MEMBERS + "/" + id, Map.of("givenName", "Ганна"));
        first.expect(200);
        String etag = first.header("ETag");
        assertEquals("\"1\"", etag);

        JsonNode p = api.header("If-Match", "\"0\"")
                .patch(MEMBERS + "/" + id, Map.of("givenName", "Інна"))
                .expect(412);
        assertEquals(PROBLEM + "stale-version", p.get("type").asText());
        assertEquals(1, p.get("currentVersion").asInt());
        JsonNode m = api.get(MEMBERS + "/" + id).expect(200);
        assertEquals("Ганна", m.get("givenName").asText());
        assertEquals(1, m.get("version").asInt());

        Api.Res ok = api.header("If-Match", etag).patch(MEMBERS + "/" + id, Map.of("givenName", "Інна"));
        assertEquals("Інна", ok.expect(200).get("givenName").asText());
        assertEquals("\"2\"", ok.header("ETag"));
    }

    @Test
    void unknownFieldInPatchIs400WithItsPath() {
        Api api = api();
        Map<String, Object> body = Fixtures.person(root(), "Анна", null, "Лишняя");
        body.put("phones", List.of(phone(russianMobile())));
        String id = Fixtures.member(api, body).get("id").asText();

        JsonNode p = api.patch(MEMBERS + "/" + id, Map.of("nickname", "Аня")).expect(400);
        assertEquals(PROBLEM + "unknown-field", p.get("type").asText());
        assertEquals(List.of("nickname"), paths(p));

        JsonNode nested = api.patch(
                        MEMBERS + "/" + id,
                        Map.of("phones", List.of(Map.of("number", russianMobile(), "extension", "12"))))
                .expect(400);
        assertEquals(List.of("phones[0].extension"), paths(nested));
        assertEquals(0, api.get(MEMBERS + "/" + id).expect(200).get("version").asInt());
    }

    @Test
    void forbiddenStatusChangeIs422OnStatus() {
        Api api = api();
        Map<String, Object> body = Fixtures.person(root(), "Сергей", null, "Членов");
        body.put("status", "MEMBER");
        String id = Fixtures.member(api, body).get("id").asText();
        JsonNode p = api.patch(MEMBERS + "/" + id, Map.of("status", "PROSPECT")).expect(422);
        assertEquals("status-transition", codeAt(p, "status"), p.toString());
        assertEquals(
                "MEMBER", api.get(MEMBERS + "/" + id).expect(200).get("status").asText());
    }

    @Test
    void enteringMemberSetsJoinedOnAndStatusHistoryIsNewestFirstInPages() {
        Api api = api();
        Map<String, Object> body = Fixtures.person(root(), "Олена", null, "Історична");
        body.put("status", "SUPPORTER");
        JsonNode created = Fixtures.member(api, body);
        String id = created.get("id").asText();
        assertFalse(created.has("joinedOn"));
        api.patch(MEMBERS + "/" + id, Map.of("status", "VOLUNTEER")).expect(200);
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        JsonNode member =
                api.patch(MEMBERS + "/" + id, Map.of("status", "MEMBER")).expect(200);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        LocalDate joined = LocalDate.parse(member.get("joinedOn").asText());
        assertTrue(!joined.isBefore(before) && !joined.isAfter(after), joined.toString());

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(MEMBERS + "/" + id + "/status-changes?limit=1"
                            + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            assertEquals(1, page.get("items").size(), page.toString());
            JsonNode change = page.get("items").get(0);
            seen.add((change.hasNonNull("from") ? change.get("from").asText() : "-") + ">"
                    + change.get("to").asText());
            assertNotNull(change.get("changedAt"));
            assertFalse(change.get("changedBy").asText().isBlank());
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("VOLUNTEER>MEMBER", "SUPPORTER>VOLUNTEER", "->SUPPORTER"), seen);
    }

    // ---- custom attributes ----------------------------------------------------------------------------------------

    @Test
    void customAttributesOfEveryTypeAreStoredAndReturned() {
        Api api = api();
        String key = MemberTestData.attributeKey();
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("key", key);
        def.put("type", "ENUM");
        def.put("required", false);
        def.put("labels", Map.of("ru", "Район", "uk", "Район", "en", "District"));
        def.put(
                "options",
                List.of(
                        Map.of(
                                "value",
                                "centr",
                                "labels",
                                Map.of("ru", "Центральный", "uk", "Центральний", "en", "Central")),
                        Map.of(
                                "value",
                                "sever",
                                "labels",
                                Map.of("ru", "Северный", "uk", "Північний", "en", "Northern"))));
        Api.Res r = api.post("/api/v1/attribute-definitions", def);
        JsonNode d = r.expect(201);
        assertEquals("/api/v1/attribute-definitions/" + key, r.header("Location"));
        assertEquals(
                "Північний", d.get("options").get(1).get("labels").get("uk").asText());
        assertEquals(
                "District",
                api.get("/api/v1/attribute-definitions/" + key)
                        .expect(200)
                        .get("labels")
                        .get("en")
                        .asText());

        String text = defineAttribute(api, "STRING", null);
        String num = defineAttribute(api, "NUMBER", null);
        String date = defineAttribute(api, "DATE", null);
        String flag = defineAttribute(api, "BOOLEAN", null);
        Map<String, Object> values =
                Map.of(key, "sever", text, "Гаражі на Ґрунтовій", num, 42, date, "2024-05-01", flag, true);
        Map<String, Object> body = Fixtures.person(root(), "Віра", null, "Атрибутна");
        body.put("customAttributes", values);
        String id = Fixtures.member(api, body).get("id").asText();

        JsonNode stored = api.get(MEMBERS + "/" + id).expect(200).get("customAttributes");
        assertEquals(Set.of(key, text, num, date, flag), new TreeSet<>(fieldNames(stored)));
        assertEquals("sever", stored.get(key).asText());
        assertEquals("Гаражі на Ґрунтовій", stored.get(text).asText());
        assertEquals(42, stored.get(num).asInt());
        assertTrue(stored.get(num).isNumber());
        assertEquals("2024-05-01", stored.get(date).asText());
        assertTrue(stored.get(flag).isBoolean() && stored.get(flag).asBoolean());
    }

    @Test
    void invalidCustomAttributeValuesAre422WithTheirPaths() {
        Api api = api();
        String num = defineAttribute(api, "NUMBER", null);
        String choice = defineAttribute(api, "ENUM", List.of("da", "net"));
        String unknown = MemberTestData.attributeKey();
        String root = root();
        Map<String, Object> body = Fixtures.person(root, "Віра", null, "Помилкова");
        body.put("customAttributes", Map.of(num, "пʼять", choice, "mozhet", unknown, 1));
        JsonNode p = api.post(MEMBERS + "?allowDuplicates=true", body).expect(422);
        assertEquals("wrong-type", codeAt(p, "customAttributes." + num), p.toString());
        assertEquals("not-an-option", codeAt(p, "customAttributes." + choice), p.toString());
        assertEquals("unknown-attribute", codeAt(p, "customAttributes." + unknown), p.toString());
        assertTrue(idsUnder(api, root).isEmpty());
    }

    // ---- archive ----------------------------------------------------------------------------------------------------

    @Test
    void archivedMemberLeavesDefaultSearchAndCannotBeChanged() {
        Api api = api();
        String root = root();
        String gone = Fixtures.member(api, Fixtures.person(root, "Архип", null, "Архивный"))
                .get("id")
                .asText();
        String kept = Fixtures.member(api, Fixtures.person(root, "Остап", null, "Оставшийся"))
                .get("id")
                .asText();

        JsonNode stale =
                api.header("If-Match", "\"7\"").delete(MEMBERS + "/" + gone).expect(412);
        assertEquals(0, stale.get("currentVersion").asInt());
        Api.Res r = api.header("If-Match", "\"0\"").delete(MEMBERS + "/" + gone);
        JsonNode archived = r.expect(200);
        assertTrue(archived.hasNonNull("archivedAt"), archived.toString());
        assertEquals("\"1\"", r.header("ETag"));
        // archiving again changes nothing
        assertEquals(archived, api.delete(MEMBERS + "/" + gone).expect(200));
        assertEquals(List.of(kept), idsUnder(api, root));
        assertEquals(Set.of(gone, kept), Set.copyOf(searchIds(api, "orgUnitId=" + root + "&includeArchived=true")));

        JsonNode p = api.patch(MEMBERS + "/" + gone, Map.of("givenName", "Воскресший"))
                .expect(409);
        assertEquals(PROBLEM + "member-archived", p.get("type").asText());
        JsonNode still = api.get(MEMBERS + "/" + gone).expect(200);
        assertEquals("Архип", still.get("givenName").asText());
        assertEquals(
                archived.get("archivedAt").asText(), still.get("archivedAt").asText());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
