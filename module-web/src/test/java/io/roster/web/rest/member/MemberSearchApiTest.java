package io.roster.web.rest.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /api/v1/members and POST /api/v1/member-searches. Every test builds its own org tree and filters by its root,
 * so data of other tests in the shared database never shows up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MemberSearchApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    // --- fuzzy name search ------------------------------------------------------------------------------------------

    @Test
    void nameSearchIsFuzzyAcrossScriptsCaseAndTypos() {
        Api api = Api.admin(url);
        String root = root(api);
        String sutyagin = create(api, Fixtures.person(root, "Иван", "Петрович", "Сутягин"));
        String other = create(api, Fixtures.person(root, "Алексей", "Николаевич", "Кузнецов"));

        for (String q :
                List.of("Sutyagin", "sutiagin", "SUTJAGIN", "Сутягин", "сутягин", "СУТЯГИН", "Sutyagn", "Сутягн")) {
            List<String> ids = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                    .expect(200));
            assertTrue(ids.contains(sutyagin), "q=" + q + " should find Сутягин, got " + ids);
            assertFalse(ids.contains(other), "q=" + q + " should not find Кузнецов, got " + ids);
        }
    }

    @Test
    void ukrainianNameIsFoundByUkrainianAndRussianRomanisationsAndRussianSpelling() {
        Api api = Api.admin(url);
        String root = root(api);
        String hryhorii = create(api, Fixtures.person(root, "Григорій", null, "Петренко"));
        String other = create(api, Fixtures.person(root, "Ольга", null, "Смирнова"));

        for (String q : List.of("Hryhorii", "Grigoriy", "Григорий", "hryhorii petrenko", "Григорій")) {
            List<String> ids = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                    .expect(200));
            assertTrue(ids.contains(hryhorii), "q=" + q + " should find Григорій Петренко, got " + ids);
            assertFalse(ids.contains(other), "q=" + q + " should not find Смирнова, got " + ids);
        }
    }

    @Test
    void everyWordOfANameQueryMustMatchSoACommonGivenNameDoesNotListEveryone() {
        Api api = Api.admin(url);
        String root = root(api);
        String wanted = create(api, Fixtures.person(root, "Алевтина", "Ивановна", "Ларионова"));
        String sameGivenName = create(api, Fixtures.person(root, "Алевтина", "Петровна", "Кузнецова"));
        String sameFamilyName = create(api, Fixtures.person(root, "Ольга", null, "Ларионова"));

        for (String q :
                List.of("Ларионова Алевтина", "Алевтина Ларионова", "Larionova Alevtina", "Ларионва Алевтина")) {
            List<String> ids = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                    .expect(200));
            assertEquals(List.of(wanted), ids, "q=" + q);
        }
        // One word still lists everyone who has it, family or given name.
        List<String> ids = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc("Ларионова"))
                .expect(200));
        assertTrue(ids.containsAll(List.of(wanted, sameFamilyName)), "got " + ids);
        assertFalse(ids.contains(sameGivenName), "got " + ids);
    }

    @Test
    void aClearlyDifferentNameFindsNothing() {
        Api api = Api.admin(url);
        String root = root(api);
        create(api, Fixtures.person(root, "Иван", "Петрович", "Сутягин"));
        create(api, Fixtures.person(root, "Григорій", null, "Петренко"));

        for (String q : List.of("Кузнецов", "Kuznetsov", "Zhukovskaya")) {
            JsonNode page = api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                    .expect(200);
            assertEquals(List.of(), ids(page), "q=" + q);
            assertTrue(page.get("nextCursor").isNull());
        }
    }

    @Test
    void nameResultsCarryAScoreAndAreOrderedByRelevanceByDefault() {
        Api api = Api.admin(url);
        String root = root(api);
        // Created first, so it would come first on an id tie-break: only relevance puts the exact match ahead.
        String weaker = create(api, Fixtures.person(root, "Пётр", null, "Сутягинов"));
        String exact = create(api, Fixtures.person(root, "Иван", "Петрович", "Сутягин"));

        JsonNode page =
                api.get("/api/v1/members?orgUnitId=" + root + "&q=Sutyagin").expect(200);
        List<String> ids = ids(page);
        assertEquals(List.of(exact, weaker), ids);
        double first = page.get("items").get(0).get("score").asDouble();
        double second = page.get("items").get(1).get("score").asDouble();
        assertTrue(first > second, first + " should be above " + second);
        assertTrue(first <= 1.0 && second > 0.0, first + ", " + second);
        assertEquals(1.0, first, 1e-6);

        // The patronymic "Петрович" resembles "Петров", but a member actually called Петров ranks above it.
        String petrov = create(api, Fixtures.person(root, "Сергей", null, "Петров"));
        List<String> byPetrov = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc("Петров"))
                .expect(200));
        assertFalse(byPetrov.isEmpty());
        assertEquals(petrov, byPetrov.get(0));

        // Without a name query there is no score.
        JsonNode plain = api.get("/api/v1/members?orgUnitId=" + root).expect(200);
        plain.get("items")
                .forEach(i -> assertTrue(
                        i.path("score").isMissingNode() || i.get("score").isNull(), i.toString()));
    }

    @Test
    void relevancePagesWalkEveryMatchExactlyOnce() {
        Api api = Api.admin(url);
        String root = root(api);
        Set<String> expected = new HashSet<>();
        for (String given : List.of("Анна", "Борис", "Вера", "Глеб", "Дарья")) {
            expected.add(create(api, Fixtures.person(root, given, null, "Сутягин")));
        }
        // weaker matches, so the walk crosses from one score to another
        expected.add(create(api, Fixtures.person(root, "Мария", null, "Сутягина")));
        expected.add(create(api, Fixtures.person(root, "Пётр", null, "Сутягинов")));
        create(api, Fixtures.person(root, "Олег", null, "Кузнецов"));
        List<String> walked = walk(api, "/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc("Сутягин") + "&limit=2");
        assertEquals(7, walked.size(), walked.toString());
        assertEquals(expected, new HashSet<>(walked));
        // and in relevance order: the five exact matches come before the two weaker ones
        assertTrue(expected.containsAll(walked));
        List<String> scores = new ArrayList<>();
        JsonNode all = api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc("Сутягин") + "&limit=10")
                .expect(200);
        all.get("items").forEach(i -> scores.add(i.get("score").asText()));
        assertEquals(ids(all), walked);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(Double.parseDouble(scores.get(i - 1)) >= Double.parseDouble(scores.get(i)), scores.toString());
        }
    }

    // --- exact phone and e-mail
    // ---------------------------------------------------------------------------------------

    @Test
    void phoneInAnyFormatFindsExactlyItsMember() {
        Api api = Api.admin(url);
        String root = root(api);
        String digits = randomDigits(7);
        String other = randomDigits(7);
        Map<String, Object> body = Fixtures.person(root, "Иван", null, "Телефонов");
        body.put(
                "phones",
                List.of(Map.of(
                        "number",
                        "+7 913 " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5),
                        "primary",
                        true)));
        String owner = create(api, body);
        Map<String, Object> second = Fixtures.person(root, "Иван", null, "Телефонов");
        second.put("phones", List.of(Map.of("number", "+7913" + other)));
        create(api, second);

        for (String q : List.of(
                "+7 913 " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5),
                "8913" + digits,
                "(913) " + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5),
                "+7913" + digits)) {
            List<String> ids = ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                    .expect(200));
            assertEquals(List.of(owner), ids, "q=" + q);
        }
        // A number nobody has finds nobody, even though the names are the same.
        String unused = digits.equals("0000000") ? "1111111" : "0000000";
        assertEquals(
                List.of(),
                ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc("+7913" + unused))
                        .expect(200)));
    }

    @Test
    void emailIsMatchedExactlyAndCaseInsensitively() {
        Api api = Api.admin(url);
        String root = root(api);
        String local = "Ivan.Sutyagin." + randomDigits(6);
        Map<String, Object> body = Fixtures.person(root, "Иван", null, "Почтов");
        body.put("emails", List.of(Map.of("address", local + "@Example.COM")));
        String owner = create(api, body);
        Map<String, Object> second = Fixtures.person(root, "Иван", null, "Почтов");
        second.put("emails", List.of(Map.of("address", "x" + local + "@example.com")));
        create(api, second);

        for (String q : List.of(
                local + "@example.com", local.toUpperCase() + "@EXAMPLE.COM", local.toLowerCase() + "@example.com")) {
            assertEquals(
                    List.of(owner),
                    ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(q))
                            .expect(200)),
                    "q=" + q);
        }
        // exact, not a substring match
        assertEquals(
                List.of(),
                ids(api.get("/api/v1/members?orgUnitId=" + root + "&q=" + Api.enc(local.substring(5) + "@example.com"))
                        .expect(200)));
    }

    // --- filters ----------------------------------------------------------------------------------------------------

    @Test
    void statusFilterIsRepeatableAndMatchesAnyGivenStatus() {
        Api api = Api.admin(url);
        String root = root(api);
        String member = create(api, with(Fixtures.person(root, "А", null, "Членов"), "status", "MEMBER"));
        String volunteer = create(api, with(Fixtures.person(root, "Б", null, "Волонтёров"), "status", "VOLUNTEER"));
        String supporter = create(api, with(Fixtures.person(root, "В", null, "Сторонников"), "status", "SUPPORTER"));
        String prospect = create(api, Fixtures.person(root, "Г", null, "Новиков"));

        assertEquals(
                Set.of(member, volunteer),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&status=MEMBER&status=VOLUNTEER")
                        .expect(200)));
        assertEquals(
                Set.of(supporter),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&status=SUPPORTER")
                        .expect(200)));
        assertEquals(
                Set.of(prospect),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&status=PROSPECT")
                        .expect(200)));
        assertEquals(
                Set.of(member, volunteer, supporter, prospect),
                idSet(api.get("/api/v1/members?orgUnitId=" + root).expect(200)));
    }

    @Test
    void tagFilterIsRepeatableAndEveryTagMustMatch() {
        Api api = Api.admin(url);
        String root = root(api);
        String both =
                create(api, with(Fixtures.person(root, "А", null, "Обатегов"), "tags", List.of("driver", "пикет")));
        String driver = create(api, with(Fixtures.person(root, "Б", null, "Водителев"), "tags", List.of("driver")));
        create(api, with(Fixtures.person(root, "В", null, "Пикетов"), "tags", List.of("пикет")));
        create(api, Fixtures.person(root, "Г", null, "Безтегов"));

        assertEquals(
                Set.of(both),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&tag=driver&tag=" + Api.enc("пикет"))
                        .expect(200)));
        assertEquals(
                Set.of(both, driver),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&tag=driver")
                        .expect(200)));
        assertEquals(
                Set.of(),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&tag=driver&tag=nobody")
                        .expect(200)));
    }

    @Test
    void supportLevelBoundsAreInclusiveAndSkipUnknownLevels() {
        Api api = Api.admin(url);
        String root = root(api);
        Map<Integer, String> byLevel = new LinkedHashMap<>();
        for (int level = 1; level <= 5; level++) {
            byLevel.put(
                    level,
                    create(api, with(Fixtures.person(root, "Уровень", null, "Поддержкин"), "supportLevel", level)));
        }
        create(api, Fixtures.person(root, "Неизвестный", null, "Поддержкин"));

        assertEquals(
                Set.of(byLevel.get(2), byLevel.get(3), byLevel.get(4)),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&supportLevelMin=2&supportLevelMax=4")
                        .expect(200)));
        assertEquals(
                Set.of(byLevel.get(4), byLevel.get(5)),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&supportLevelMin=4")
                        .expect(200)));
        assertEquals(
                Set.of(byLevel.get(1)),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&supportLevelMax=1")
                        .expect(200)));
        JsonNode p = api.get("/api/v1/members?orgUnitId=" + root + "&supportLevelMin=6")
                .expect(422);
        assertEquals("supportLevelMin", p.get("errors").get(0).get("path").asText());
    }

    @Test
    void consentFilterNeedsAGrantedConsentAndNoDoNotContactForThatChannel() {
        Api api = Api.admin(url);
        String root = root(api);
        String granted = create(
                api, with(Fixtures.person(root, "А", null, "Согласнов"), "consents", List.of(consent("EMAIL", true))));
        create(api, with(Fixtures.person(root, "Б", null, "Отказов"), "consents", List.of(consent("EMAIL", false))));
        Map<String, Object> blocked =
                with(Fixtures.person(root, "В", null, "Запретов"), "consents", List.of(consent("EMAIL", true)));
        blocked.put("doNotContact", List.of("EMAIL"));
        create(api, blocked);
        String smsOnly =
                create(api, with(Fixtures.person(root, "Г", null, "Смсов"), "consents", List.of(consent("SMS", true))));
        Map<String, Object> otherChannelBlocked = with(
                Fixtures.person(root, "Д", null, "Двойнов"),
                "consents",
                List.of(consent("EMAIL", true), consent("SMS", true)));
        otherChannelBlocked.put("doNotContact", List.of("SMS"));
        String emailButNotSms = create(api, otherChannelBlocked);
        create(api, Fixtures.person(root, "Е", null, "Безсогласов"));

        assertEquals(
                Set.of(granted, emailButNotSms),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&consent=EMAIL")
                        .expect(200)));
        assertEquals(
                Set.of(smsOnly),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&consent=SMS")
                        .expect(200)));
    }

    @Test
    void updatedSinceKeepsOnlyMembersChangedAtOrAfterTheInstant() {
        Api api = Api.admin(url);
        String root = root(api);
        String untouched = create(api, Fixtures.person(root, "А", null, "Старов"));
        String changed = create(api, Fixtures.person(root, "Б", null, "Новов"));
        JsonNode after = api.patch("/api/v1/members/" + changed, Map.of("supportLevel", 3))
                .expect(200);
        String since = after.get("updatedAt").asText();

        assertEquals(
                Set.of(changed),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&updatedSince=" + Api.enc(since))
                        .expect(200)));
        assertEquals(
                Set.of(untouched, changed),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&updatedSince=2000-01-01T00:00:00Z")
                        .expect(200)));
    }

    @Test
    void orgUnitFilterCoversTheSubtreeAndNotSiblings() {
        Api api = Api.admin(url);
        String root = root(api);
        String omsk =
                Fixtures.unit(api, root, "Омская область", "REGION").get("id").asText();
        String tara =
                Fixtures.unit(api, omsk, "Тарский район", "DISTRICT").get("id").asText();
        String cell = Fixtures.unit(api, tara, "Ячейка № 1", "CELL").get("id").asText();
        String tomsk =
                Fixtures.unit(api, root, "Томская область", "REGION").get("id").asText();
        String inOmsk = create(api, Fixtures.person(omsk, "А", null, "Омичев"));
        String inTara = create(api, Fixtures.person(tara, "Б", null, "Тарский"));
        String inCell = create(api, Fixtures.person(cell, "В", null, "Ячейкин"));
        String inTomsk = create(api, Fixtures.person(tomsk, "Г", null, "Томичев"));

        assertEquals(
                Set.of(inOmsk, inTara, inCell),
                idSet(api.get("/api/v1/members?orgUnitId=" + omsk).expect(200)));
        assertEquals(
                Set.of(inTara, inCell),
                idSet(api.get("/api/v1/members?orgUnitId=" + tara).expect(200)));
        assertEquals(
                Set.of(inTomsk),
                idSet(api.get("/api/v1/members?orgUnitId=" + tomsk).expect(200)));
        assertEquals(
                Set.of(inOmsk, inTara, inCell, inTomsk),
                idSet(api.get("/api/v1/members?orgUnitId=" + root).expect(200)));
    }

    @Test
    void archivedMembersAreListedOnlyOnRequest() {
        Api api = Api.admin(url);
        String root = root(api);
        String active = create(api, Fixtures.person(root, "А", null, "Активов"));
        String archived = create(api, Fixtures.person(root, "Б", null, "Архивов"));
        api.delete("/api/v1/members/" + archived).expect(200);
        assertEquals(
                Set.of(active),
                idSet(api.get("/api/v1/members?orgUnitId=" + root).expect(200)));
        assertEquals(
                Set.of(active, archived),
                idSet(api.get("/api/v1/members?orgUnitId=" + root + "&includeArchived=true")
                        .expect(200)));
    }

    // --- sorting and keyset pages
    // ---------------------------------------------------------------------------------------

    @Test
    void everySortOrderPagesThroughAllMembersExactlyOnceInOrder() {
        Api api = Api.admin(url);
        String root = root(api);
        List<String> created = new ArrayList<>();
        // family names in creation order; by name: Алексеев, Борисов, Волков, Григорьев, Дмитриев
        for (String family : List.of("Волков", "Алексеев", "Дмитриев", "Борисов", "Григорьев")) {
            created.add(create(api, Fixtures.person(root, "Иван", null, family)));
        }
        String volkov = created.get(0);
        String alekseev = created.get(1);
        String dmitriev = created.get(2);
        String borisov = created.get(3);
        String grigoriev = created.get(4);
        // Touch two members so that update order differs from creation order: Алексеев, then Волков, change last.
        api.patch("/api/v1/members/" + alekseev, Map.of("supportLevel", 2)).expect(200);
        api.patch("/api/v1/members/" + volkov, Map.of("supportLevel", 3)).expect(200);

        List<String> byName = List.of(alekseev, borisov, volkov, grigoriev, dmitriev);
        List<String> byUpdated = List.of(dmitriev, borisov, grigoriev, alekseev, volkov);
        String base = "/api/v1/members?orgUnitId=" + root + "&limit=2";

        assertEquals(byName, walk(api, base));
        assertEquals(byName, walk(api, base + "&sort=name"));
        assertEquals(reversed(byName), walk(api, base + "&sort=-name"));
        assertEquals(byUpdated, walk(api, base + "&sort=updatedAt"));
        assertEquals(reversed(byUpdated), walk(api, base + "&sort=-updatedAt"));
        assertEquals(created, walk(api, base + "&sort=createdAt"));
        assertEquals(reversed(created), walk(api, base + "&sort=-createdAt"));
    }

    @Test
    void lastPageHasNoCursorAndPagesHoldAtMostTheLimit() {
        Api api = Api.admin(url);
        String root = root(api);
        for (String family : List.of("Аа", "Бб", "Вв", "Гг")) {
            create(api, Fixtures.person(root, "Иван", null, family));
        }
        JsonNode first =
                api.get("/api/v1/members?orgUnitId=" + root + "&limit=2").expect(200);
        assertEquals(2, first.get("items").size());
        assertFalse(first.get("nextCursor").isNull());
        JsonNode second = api.get("/api/v1/members?orgUnitId=" + root + "&limit=2&cursor="
                        + Api.enc(first.get("nextCursor").asText()))
                .expect(200);
        assertEquals(2, second.get("items").size());
        // exactly 4 rows: the second page is the last one
        assertTrue(second.get("nextCursor").isNull(), second.toString());
        JsonNode all = api.get("/api/v1/members?orgUnitId=" + root + "&limit=4").expect(200);
        assertTrue(all.get("nextCursor").isNull());
        assertEquals(4, all.get("items").size());
    }

    @Test
    void cursorStaysValidWhenMembersAreInsertedBetweenPages() {
        Api api = Api.admin(url);
        String root = root(api);
        List<String> families = List.of("Алексеев", "Борисов", "Волков", "Григорьев", "Дмитриев", "Егоров");
        Map<String, String> idByFamily = new LinkedHashMap<>();
        for (String family : families) {
            idByFamily.put(family, create(api, Fixtures.person(root, "Иван", null, family)));
        }
        String base = "/api/v1/members?orgUnitId=" + root + "&limit=2&sort=name";
        List<String> seen = new ArrayList<>();
        JsonNode page = api.get(base).expect(200);
        seen.addAll(ids(page));
        // One new member sorts before the position already read, one after it.
        String before = create(api, Fixtures.person(root, "Иван", null, "Бабаев"));
        String after = create(api, Fixtures.person(root, "Иван", null, "Вишняков"));
        while (!page.get("nextCursor").isNull()) {
            page = api.get(base + "&cursor=" + Api.enc(page.get("nextCursor").asText()))
                    .expect(200);
            seen.addAll(ids(page));
        }
        assertEquals(new HashSet<>(seen).size(), seen.size(), "duplicates: " + seen);
        List<String> preexisting = new ArrayList<>(seen);
        preexisting.remove(before);
        preexisting.remove(after);
        assertEquals(new ArrayList<>(idByFamily.values()), preexisting);
        assertFalse(seen.contains(before), "a row before the cursor is not revisited");
        assertTrue(seen.contains(after), "a row after the cursor is reached");
    }

    @Test
    void cursorOfAnotherQueryOrGarbageIsRefused() {
        Api api = Api.admin(url);
        String root = root(api);
        for (String family : List.of("Аа", "Бб", "Вв")) {
            create(api, with(Fixtures.person(root, "Иван", null, family), "status", "MEMBER"));
        }
        String base = "/api/v1/members?orgUnitId=" + root + "&limit=2";
        String cursor = api.get(base).expect(200).get("nextCursor").asText();
        // the same query continues fine
        assertEquals(
                1,
                api.get(base + "&cursor=" + Api.enc(cursor))
                        .expect(200)
                        .get("items")
                        .size());

        for (String other : List.of(
                base + "&status=MEMBER",
                base + "&sort=-name",
                base + "&sort=createdAt",
                base + "&tag=x",
                "/api/v1/members?limit=2",
                base + "&q=" + Api.enc("Иван"))) {
            JsonNode p = api.get(other + "&cursor=" + Api.enc(cursor)).expect(422);
            assertEquals("cursor", p.get("errors").get(0).get("path").asText(), other);
        }
        for (String garbage : List.of("garbage", "%%%", "bSomething", "AAAA")) {
            JsonNode p = api.get(base + "&cursor=" + Api.enc(garbage)).expect(422);
            assertEquals("cursor", p.get("errors").get(0).get("path").asText(), garbage);
            assertTrue(p.get("type").asText().startsWith("urn:roster:problem:"));
        }
    }

    @Test
    void limitOutsideOneToTwoHundredIsABadRequestNamingLimit() {
        Api api = Api.admin(url);
        String root = root(api);
        for (String limit : List.of("0", "201", "-1")) {
            JsonNode p = api.get("/api/v1/members?orgUnitId=" + root + "&limit=" + limit)
                    .expect(400);
            assertEquals("limit", p.get("errors").get(0).get("path").asText(), limit);
        }
        api.get("/api/v1/members?orgUnitId=" + root + "&limit=1").expect(200);
        api.get("/api/v1/members?orgUnitId=" + root + "&limit=200").expect(200);
        JsonNode p = api.post("/api/v1/member-searches", Map.of("orgUnitId", root, "limit", 0))
                .expect(400);
        assertEquals("limit", p.get("errors").get(0).get("path").asText());
    }

    @Test
    void relevanceOrderWithoutANameQueryIsRefused() {
        Api api = Api.admin(url);
        String root = root(api);
        JsonNode p =
                api.get("/api/v1/members?orgUnitId=" + root + "&sort=relevance").expect(422);
        assertEquals("sort", p.get("errors").get(0).get("path").asText());
        // a phone is not a name either
        p = api.get("/api/v1/members?orgUnitId=" + root + "&sort=relevance&q=" + Api.enc("+79131234567"))
                .expect(422);
        assertEquals("sort", p.get("errors").get(0).get("path").asText());
        api.get("/api/v1/members?orgUnitId=" + root + "&sort=relevance&q=" + Api.enc("Иванов"))
                .expect(200);
        JsonNode bad =
                api.get("/api/v1/members?orgUnitId=" + root + "&sort=shoeSize").expect(400);
        assertEquals("sort", bad.get("errors").get(0).get("path").asText());
    }

    // --- POST /member-searches
    // ------------------------------------------------------------------------------------------

    @Test
    void postedSearchReturnsTheSameItemsAsTheQueryString() {
        Api api = Api.admin(url);
        String root = root(api);
        String digits = randomDigits(7);
        Map<String, Object> withPhone = with(
                Fixtures.person(root, "Иван", "Петрович", "Сутягин"),
                "phones",
                List.of(Map.of("number", "+7913" + digits)));
        withPhone.put("status", "MEMBER");
        withPhone.put("tags", List.of("driver"));
        withPhone.put("supportLevel", 4);
        create(api, withPhone);
        create(
                api,
                with(
                        with(Fixtures.person(root, "Пётр", null, "Сутягинов"), "status", "VOLUNTEER"),
                        "tags",
                        List.of("driver")));
        create(api, with(Fixtures.person(root, "Анна", null, "Сутягина"), "supportLevel", 2));
        create(api, Fixtures.person(root, "Олег", null, "Кузнецов"));

        assertSame(api, "orgUnitId=" + root + "&q=" + Api.enc("сутягин"), Map.of("orgUnitId", root, "q", "сутягин"));
        assertSame(
                api,
                "orgUnitId=" + root + "&q=" + Api.enc("8 913 " + digits),
                Map.of("orgUnitId", root, "q", "8 913 " + digits));
        assertSame(
                api,
                "orgUnitId=" + root + "&status=MEMBER&status=VOLUNTEER&tag=driver&sort=-name",
                Map.of(
                        "orgUnitId",
                        root,
                        "statuses",
                        List.of("MEMBER", "VOLUNTEER"),
                        "tags",
                        List.of("driver"),
                        "sort",
                        "-name"));
        assertSame(
                api,
                "orgUnitId=" + root + "&supportLevelMin=2&supportLevelMax=4&updatedSince=2000-01-01T00:00:00Z",
                Map.of(
                        "orgUnitId",
                        root,
                        "supportLevelMin",
                        2,
                        "supportLevelMax",
                        4,
                        "updatedSince",
                        "2000-01-01T00:00:00Z"));

        // Pages and cursors work the same through the body.
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("orgUnitId", root, "limit", 1, "sort", "name"));
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            JsonNode page = api.post("/api/v1/member-searches", body).expect(200);
            walked.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(
                ids(api.get("/api/v1/members?orgUnitId=" + root + "&sort=name").expect(200)), walked);
        assertEquals(4, walked.size());
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    private void assertSame(Api api, String queryString, Map<String, Object> body) {
        JsonNode viaGet = api.get("/api/v1/members?" + queryString).expect(200);
        JsonNode viaPost = api.post("/api/v1/member-searches", body).expect(200);
        assertFalse(ids(viaGet).isEmpty(), queryString);
        assertEquals(ids(viaGet), ids(viaPost), queryString);
        assertEquals(viaGet.get("items"), viaPost.get("items"), queryString);
    }

    private static String root(Api api) {
        return Fixtures.root(api, Fixtures.unique("Search")).get("id").asText();
    }

    private static String create(Api api, Map<String, Object> body) {
        JsonNode m = Fixtures.member(api, body);
        assertNotNull(m.get("id"));
        return m.get("id").asText();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> consent(String channel, boolean granted) {
        return Map.of("channel", channel, "granted", granted, "source", "paper form", "evidence", "form 17");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static Set<String> idSet(JsonNode page) {
        assertTrue(page.get("nextCursor").isNull(), "expected one page: " + page);
        List<String> ids = ids(page);
        Set<String> set = new HashSet<>(ids);
        assertEquals(ids.size(), set.size(), "duplicates in " + ids);
        return set;
    }

    /** Every id of a list, following cursors; checks that pages never exceed the limit and end with a null cursor. */
    private static List<String> walk(Api api, String path) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(path + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            assertTrue(page.get("items").size() <= 2, page.toString());
            all.addAll(ids(page));
            String next = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            assertNotEquals(cursor, next, "the cursor must move on");
            cursor = next;
            assertTrue(++pages < 50, "too many pages");
        } while (cursor != null);
        assertEquals(new HashSet<>(all).size(), all.size(), "duplicates: " + all);
        assertNull(cursor);
        return all;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    private static String randomDigits(int n) {
        StringBuilder b = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        // +7 913 numbers: the first digit after the area code must not be 0 or 1 to stay a valid mobile number
        b.setCharAt(0, (char) ('2' + r.nextInt(8)));
        return b.toString();
    }
}
