package io.roster.web.rest.member;

import static io.roster.web.rest.member.MemberTestData.PROBLEM;
import static io.roster.web.rest.member.MemberTestData.digits;
import static io.roster.web.rest.member.MemberTestData.email;
import static io.roster.web.rest.member.MemberTestData.idsUnder;
import static io.roster.web.rest.member.MemberTestData.phone;
import static io.roster.web.rest.member.MemberTestData.randomBirthDate;
import static io.roster.web.rest.member.MemberTestData.russianMobile;
import static io.roster.web.rest.member.MemberTestData.searchIds;
import static io.roster.web.rest.member.MemberTestData.texts;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What keeps one person from being stored twice: duplicate detection on create (phone, e-mail, name and birth date,
 * only within the caller's scope), unique membership numbers, and idempotent create with an Idempotency-Key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MemberDuplicatesApiTest {
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
        return Fixtures.root(api(), "Дубли " + Fixtures.unique("R")).get("id").asText();
    }

    /** Asserts a 409 possible-duplicate naming {@code existing} for {@code reason}, and returns that candidate. */
    private static JsonNode expectDuplicate(Api.Res r, String existing, String reason) {
        JsonNode p = r.expect(409);
        assertEquals(PROBLEM + "possible-duplicate", p.get("type").asText());
        for (JsonNode c : p.get("candidates")) {
            if (existing.equals(c.get("memberId").asText())) {
                assertTrue(texts(c.get("reasons")).contains(reason), c.toString());
                double score = c.get("score").asDouble();
                assertTrue(score > 0 && score <= 1, c.toString());
                assertNotNull(c.get("displayName"));
                return c;
            }
        }
        throw new AssertionError("candidate " + existing + " not listed: " + p);
    }

    @Test
    void samePhoneInAnotherFormatIsAPossibleDuplicateUntilAllowed() {
        Api api = api();
        String root = root();
        String national = "913" + digits(7);
        Map<String, Object> first = Fixtures.person(root, "Иван", null, "Звонков");
        first.put("phones", List.of(phone("+7 " + national)));
        String existing = api.post(MEMBERS, first).expect(201).get("id").asText();

        Map<String, Object> second = Fixtures.person(root, "Мария", null, "Звонкова");
        second.put(
                "phones",
                List.of(phone("8 (" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-"
                        + national.substring(6, 8) + "-" + national.substring(8))));
        JsonNode c = expectDuplicate(api.post(MEMBERS, second), existing, "phone");
        assertTrue(c.get("score").asDouble() >= 0.9, c.toString());
        assertEquals("Звонков Иван", c.get("displayName").asText());
        assertEquals(List.of(existing), idsUnder(api, root));

        String created = api.post(MEMBERS + "?allowDuplicates=true", second)
                .expect(201)
                .get("id")
                .asText();
        assertEquals(Set.of(existing, created), Set.copyOf(idsUnder(api, root)));
    }

    @Test
    void sameEmailWithOtherCaseIsAPossibleDuplicate() {
        Api api = api();
        String root = root();
        String local = "olga.pochtova" + digits(8);
        Map<String, Object> first = Fixtures.person(root, "Ольга", null, "Почтова");
        first.put("emails", List.of(email(local + "@Example.ORG")));
        String existing = api.post(MEMBERS, first).expect(201).get("id").asText();

        Map<String, Object> domainCase = Fixtures.person(root, "Олег", null, "Иной");
        domainCase.put("emails", List.of(email(local + "@example.org")));
        expectDuplicate(api.post(MEMBERS, domainCase), existing, "email");

        Map<String, Object> cyrillic = Fixtures.person(root, "Ольга", null, "Почтова");
        String cyrillicLocal = "ольга" + digits(8);
        cyrillic.put("emails", List.of(email(cyrillicLocal + "@Почта.РФ")));
        String cyrillicExisting =
                api.post(MEMBERS, cyrillic).expect(201).get("id").asText();
        Map<String, Object> again = Fixtures.person(root, "Олеся", null, "Другая");
        again.put("emails", List.of(email(cyrillicLocal + "@почта.рф")));
        expectDuplicate(api.post(MEMBERS, again), cyrillicExisting, "email");
        assertEquals(Set.of(existing, cyrillicExisting), Set.copyOf(idsUnder(api, root)));
    }

    @Test
    void nameSpelledWithoutYoAndSameBirthDateIsAPossibleDuplicate() {
        Api api = api();
        String root = root();
        LocalDate born = randomBirthDate();
        Map<String, Object> first = Fixtures.person(root, "Пётр", "Семёнович", "Ёлкин");
        first.put("birthDate", born.toString());
        String existing = api.post(MEMBERS, first).expect(201).get("id").asText();

        Map<String, Object> second = Fixtures.person(root, "Петр", "Семенович", "Елкин");
        second.put("birthDate", born.toString());
        expectDuplicate(api.post(MEMBERS, second), existing, "name-and-birth-date");

        // the same name with another birth date is another person
        second.put("birthDate", born.plusDays(1).toString());
        String other = api.post(MEMBERS, second).expect(201).get("id").asText();
        assertEquals(Set.of(existing, other), Set.copyOf(idsUnder(api, root)));
    }

    @Test
    void nameInLatinLettersAndSameBirthDateIsAPossibleDuplicate() {
        Api api = api();
        String root = root();
        LocalDate born = randomBirthDate();
        Map<String, Object> first = Fixtures.person(root, "Иван", null, "Сутягин");
        first.put("birthDate", born.toString());
        String existing = api.post(MEMBERS, first).expect(201).get("id").asText();

        Map<String, Object> latin = Fixtures.person(root, "Ivan", null, "Sutyagin");
        latin.put("birthDate", born.toString());
        expectDuplicate(api.post(MEMBERS, latin), existing, "name-and-birth-date");

        Map<String, Object> ukrainian = Fixtures.person(root, "Григорій", null, "Петренко");
        ukrainian.put("birthDate", born.toString());
        String hryhorii = api.post(MEMBERS, ukrainian).expect(201).get("id").asText();
        Map<String, Object> romanised = Fixtures.person(root, "Hryhorii", null, "Petrenko");
        romanised.put("birthDate", born.toString());
        expectDuplicate(api.post(MEMBERS, romanised), hryhorii, "name-and-birth-date");
        assertEquals(Set.of(existing, hryhorii), Set.copyOf(idsUnder(api, root)));
    }

    @Test
    void duplicateOutsideTheCallersScopeIsNotRevealed() {
        Api admin = api();
        String root = root();
        String mine = Fixtures.unit(admin, root, "Омское отделение", "REGION")
                .get("id")
                .asText();
        String theirs = Fixtures.unit(admin, root, "Чернігівське відділення", "REGION")
                .get("id")
                .asText();
        String number = MemberTestData.russianMobile();
        Map<String, Object> hidden = Fixtures.person(theirs, "Тарас", null, "Скрытный");
        hidden.put("phones", List.of(phone(number)));
        String hiddenId = admin.post(MEMBERS, hidden).expect(201).get("id").asText();

        Map<String, Object> body = Fixtures.person(mine, "Тарас", null, "Видимый");
        body.put("phones", List.of(phone(number)));
        // the unrestricted caller sees the other member and is warned
        expectDuplicate(admin.post(MEMBERS, body), hiddenId, "phone");

        Api scoped = Api.withKey(url, Fixtures.key(admin, Fixtures.READ_WRITE, List.of(mine)));
        Api.Res r = scoped.post(MEMBERS, body);
        JsonNode created = r.expect(201);
        assertFalse(r.body().contains(hiddenId), r.body());
        assertEquals(mine, created.get("orgUnitId").asText());

        // within its own scope the same caller is warned as usual
        Map<String, Object> again = Fixtures.person(mine, "Тарас", null, "Повторный");
        again.put("phones", List.of(phone(number)));
        JsonNode p = scoped.post(MEMBERS, again).expect(409);
        List<String> candidates = MemberTestData.values(p.get("candidates"), "memberId");
        assertEquals(List.of(created.get("id").asText()), candidates);
        assertFalse(p.toString().contains(hiddenId), p.toString());
    }

    // ---- idempotency ------------------------------------------------------------------------------------------------

    @Test
    void sameIdempotencyKeyAndBodyCreatesOnceAndAnswersTheSameTwice() {
        Api api = api();
        String root = root();
        String family = "Идемпотентов" + MemberTestData.letters(8);
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Fixtures.person(root, "Игорь", null, family);
        Api.Res first = keyed.post(MEMBERS, body);
        Api.Res second = keyed.post(MEMBERS, body);
        String id = first.expect(201).get("id").asText();
        assertEquals(id, second.expect(201).get("id").asText());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(List.of(id), searchIds(api, "orgUnitId=" + root + "&q=" + Api.enc(family)));
        assertEquals(List.of(id), idsUnder(api, root));
    }

    @Test
    void idempotencyKeyReusedForAnotherBodyIs409() {
        Api api = api();
        String root = root();
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());
        String id = keyed.post(MEMBERS, Fixtures.person(root, "Игорь", null, "Первый"))
                .expect(201)
                .get("id")
                .asText();
        JsonNode p = keyed.post(MEMBERS, Fixtures.person(root, "Игорь", null, "Второй"))
                .expect(409);
        assertEquals(PROBLEM + "idempotency-key-reused", p.get("type").asText());
        assertEquals(List.of(id), idsUnder(api, root));
    }

    @Test
    void failedCreateDoesNotUseUpItsIdempotencyKey() {
        Api api = api();
        String root = root();
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> wrong = Fixtures.person(root, "Игорь", null, "Исправленный");
        wrong.put("phones", List.of(phone("не номер")));
        keyed.post(MEMBERS, wrong).expect(422);

        Map<String, Object> corrected = Fixtures.person(root, "Игорь", null, "Исправленный");
        corrected.put("phones", List.of(phone(russianMobile())));
        String id = keyed.post(MEMBERS, corrected).expect(201).get("id").asText();
        assertEquals(id, keyed.post(MEMBERS, corrected).expect(201).get("id").asText());
        assertEquals(List.of(id), idsUnder(api, root));
    }

    // ---- membership number --------------------------------------------------------------------------------------

    @Test
    void membershipNumberIsUniqueOnCreateAndOnChange() {
        Api api = api();
        String root = root();
        String number = "ОМ-" + digits(9);
        Map<String, Object> first = Fixtures.person(root, "Иван", null, "Первый");
        first.put("membershipNumber", number);
        JsonNode a = Fixtures.member(api, first);
        assertEquals(number, a.get("membershipNumber").asText());

        Map<String, Object> second = Fixtures.person(root, "Пётр", null, "Второй");
        second.put("membershipNumber", number);
        JsonNode p = api.post(MEMBERS + "?allowDuplicates=true", second).expect(409);
        assertEquals(PROBLEM + "membership-number-taken", p.get("type").asText());
        assertEquals(List.of(a.get("id").asText()), idsUnder(api, root));

        String other = Fixtures.member(api, Fixtures.person(root, "Пётр", null, "Второй"))
                .get("id")
                .asText();
        JsonNode q = api.patch(MEMBERS + "/" + other, Map.of("membershipNumber", number))
                .expect(409);
        assertEquals(PROBLEM + "membership-number-taken", q.get("type").asText());
    }
}
