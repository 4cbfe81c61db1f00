package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestTokens;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contact details are masked for callers without the contact-details permission, and every read of them unmasked is
 * in the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ContactMaskingApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private record Setup(String unit, String member, String phone) {}

    private Setup member() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String phone = "+7913" + (1_000_000 + (int) (Math.random() * 8_999_999));
        Map<String, Object> body = Fixtures.person(root, "Иван", "Петрович", "Сутягин");
        body.put("phones", List.of(Map.of("number", phone, "label", "мобильный", "primary", true)));
        body.put("emails", List.of(Map.of("address", "ivan.sutyagin@example.ru")));
        body.put("telegramUsername", "ivan_sutyagin");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("postalCode", "644010");
        address.put("country", "RU");
        address.put("region", "Омская область");
        address.put("locality", "Омск");
        address.put("street", "улица Ленина");
        address.put("building", "12");
        address.put("apartment", "5");
        body.put("addresses", List.of(address));
        String id = Fixtures.member(admin, body).get("id").asText();
        return new Setup(root, id, phone);
    }

    private List<String> contactReads(String memberId) {
        List<String> actors = new ArrayList<>();
        for (JsonNode e : Api.admin(url)
                .get("/api/v1/audit-events?limit=200&memberId=" + memberId)
                .expect(200)
                .get("items")) {
            if (e.get("action").asText().equals("member.contacts-read")) {
                actors.add(e.get("actorId").asText());
            }
        }
        return actors;
    }

    @Test
    void aViewerSeesContactDetailsMaskedAndItsReadIsNotAContactRead() {
        Setup s = member();
        JsonNode m = Api.withKey(url, TestTokens.staff("viewer-1", List.of("viewer"), List.of(s.unit())))
                .get("/api/v1/members/" + s.member())
                .expect(200);
        String last4 = s.phone().substring(s.phone().length() - 4);
        assertEquals(
                "+7 *** ***-" + last4.substring(0, 2) + "-" + last4.substring(2),
                m.get("phones").get(0).get("number").asText());
        assertEquals("мобильный", m.get("phones").get(0).get("label").asText());
        assertTrue(m.get("phones").get(0).get("primary").asBoolean());
        assertEquals("i***@e***.ru", m.get("emails").get(0).get("address").asText());
        assertEquals("iv***", m.get("telegramUsername").asText());
        JsonNode a = m.get("addresses").get(0);
        assertEquals("Омск", a.get("locality").asText());
        assertEquals("Омская область", a.get("region").asText());
        assertEquals("***", a.get("street").asText());
        assertEquals("***", a.get("building").asText());
        assertEquals("***", a.get("apartment").asText());
        assertEquals("***", a.get("postalCode").asText());
        assertFalse(m.toString().contains(s.phone().substring(2)), m.toString());
        assertFalse(m.toString().contains("sutyagin"), m.toString());
        assertFalse(m.toString().contains("Ленина"), m.toString());
        // names and the rest of the profile are not contact details
        assertEquals("Сутягин", m.get("familyName").asText());
        assertEquals(List.of(), contactReads(s.member()));
    }

    @Test
    void anApiKeyWithoutTheContactPermissionSeesThemMaskedToo() {
        Setup s = member();
        Api key = Api.withKey(url, Fixtures.key(Api.admin(url), List.of("MEMBER_READ"), List.of(s.unit())));
        JsonNode m = key.get("/api/v1/members/" + s.member()).expect(200);
        assertTrue(m.get("phones").get(0).get("number").asText().startsWith("+7 *** ***-"));
        assertEquals(List.of(), contactReads(s.member()));
    }

    @Test
    void anOrganiserSeesThemAndEveryReadIsRecorded() {
        Setup s = member();
        Api organiser = Api.withKey(url, TestTokens.staff("organiser-7", List.of("organiser"), List.of(s.unit())))
                .header("X-Request-Id", "req-masking-1");
        JsonNode m = organiser.get("/api/v1/members/" + s.member()).expect(200);
        assertEquals(s.phone(), m.get("phones").get(0).get("number").asText());
        assertEquals(
                "ivan.sutyagin@example.ru",
                m.get("emails").get(0).get("address").asText());
        assertEquals("ivan_sutyagin", m.get("telegramUsername").asText());
        assertEquals("улица Ленина", m.get("addresses").get(0).get("street").asText());
        organiser.get("/api/v1/members/" + s.member()).expect(200);
        assertEquals(List.of("organiser-7", "organiser-7"), contactReads(s.member()));
        JsonNode read = Api.admin(url)
                .get("/api/v1/audit-events?actorId=organiser-7&memberId=" + s.member())
                .expect(200)
                .get("items")
                .get(0);
        assertEquals("req-masking-1", read.get("requestId").asText());
        assertEquals("UI", read.get("source").asText());
        assertEquals(s.unit(), read.get("orgUnitId").asText());
        // a change answers with the profile, so it is a read too
        organiser
                .patch("/api/v1/members/" + s.member(), Map.of("supportLevel", 4))
                .expect(200);
        assertEquals(3, contactReads(s.member()).size());
    }

    @Test
    void theNumberAnInteractionWasMadeOnIsMaskedToo() {
        Setup s = member();
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("memberId", s.member());
        call.put("type", "CALL");
        call.put("channel", "PHONE");
        call.put("phone", s.phone());
        String id = Api.admin(url)
                .post("/api/v1/interactions", call)
                .expect(201)
                .get("id")
                .asText();
        Api viewer = Api.withKey(url, TestTokens.staff("viewer-2", List.of("viewer"), List.of(s.unit())));
        String masked = viewer.get("/api/v1/interactions/" + id)
                .expect(200)
                .get("phone")
                .asText();
        assertTrue(masked.startsWith("+7 *** ***-"), masked);
        assertEquals(
                masked,
                viewer.get("/api/v1/members/" + s.member() + "/interactions")
                        .expect(200)
                        .get("items")
                        .get(0)
                        .get("phone")
                        .asText());
        Api organiser = Api.withKey(url, TestTokens.staff("organiser-8", List.of("organiser"), List.of(s.unit())));
        assertEquals(
                s.phone(),
                organiser
                        .get("/api/v1/interactions/" + id)
                        .expect(200)
                        .get("phone")
                        .asText());
    }
}
