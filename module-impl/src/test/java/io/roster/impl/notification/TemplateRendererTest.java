package io.roster.impl.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.Language;
import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.member.MemberStatus;
import io.roster.api.notification.NotificationTemplate;
import io.roster.api.notification.RenderedMessage;
import io.roster.api.notification.TemplateDraft;
import io.roster.api.notification.TemplateVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private static Recipient person(String given, String family, Language lang) {
        return new Recipient(
                UUID.randomUUID(),
                given,
                null,
                family,
                lang,
                MemberStatus.MEMBER,
                "№ 0042",
                "Ніжинська міська організація",
                false,
                false,
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                ZoneId.of("Europe/Kyiv"));
    }

    @Test
    void textIsRenderedAsWrittenAndHtmlIsEscaped() {
        Map<String, Object> vars =
                person("Tom & <Jerry>", "O'Brien", Language.EN).variables(Language.EN);
        List<FieldError> errors = new ArrayList<>();
        var text = TemplateRenderer.compile("Hi {{givenName}} {{familyName}}", false, "t", errors);
        var html = TemplateRenderer.compile("<p>Hi {{givenName}} {{familyName}}</p>", true, "h", errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("Hi Tom & <Jerry> O'Brien", text.render(vars));
        assertEquals("<p>Hi Tom &amp; &lt;Jerry&gt; O&#39;Brien</p>", html.render(vars));
    }

    @Test
    void cyrillicRoundTripsExactly() {
        Map<String, Object> vars =
                person("Ґалина", "Їжакевич-Щербань", Language.UK).variables(Language.UK);
        List<FieldError> errors = new ArrayList<>();
        var text = TemplateRenderer.compile(
                "Вітаємо, {{givenName}} {{familyName}}! Ваш квиток {{membershipNumber}}, «{{orgUnitName}}» — ї є ґ ʼ.",
                false,
                "t",
                errors);
        assertEquals(
                "Вітаємо, Ґалина Їжакевич-Щербань! Ваш квиток № 0042, «Ніжинська міська організація» — ї є ґ ʼ.",
                text.render(vars));
        var html = TemplateRenderer.compile("<b>{{displayName}}</b>", true, "h", errors);
        assertTrue(html.render(vars).contains("Ґалина"));
    }

    @Test
    void unknownVariableIsAnErrorAtItsPath() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(TemplateRenderer.compile(
                "Привет, {{firstName}} {{#phone}}x{{/phone}}", false, "variants.ru.text", errors));
        assertEquals(1, errors.size());
        assertEquals("variants.ru.text", errors.get(0).path());
        assertEquals("unknown-variable", errors.get(0).code());
        assertTrue(errors.get(0).message().contains("firstName"));
        assertTrue(errors.get(0).message().contains("phone"));
    }

    @Test
    void partialsUnescapedHtmlAndBrokenTagsAreRefused() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(TemplateRenderer.compile("{{> /etc/passwd}}", false, "a", errors));
        assertNull(TemplateRenderer.compile("<p>{{{givenName}}}</p>", true, "b", errors));
        assertNull(TemplateRenderer.compile("{{#givenName}}unclosed", false, "c", errors));
        assertEquals(
                List.of("a", "b", "c"), errors.stream().map(FieldError::path).toList());
        assertEquals("unescaped-variable", errors.get(1).code());
    }

    @Test
    void draftValidationCollectsEveryErrorWithItsPath() {
        var draft = new TemplateDraft(
                null,
                " ",
                null,
                Map.of(
                        "de", new TemplateVariant(null, "Hallo", null),
                        "ru", new TemplateVariant("{{nope}}", "", null)));
        ValidationException e = assertThrows(ValidationException.class, () -> DefaultTemplateService.validate(draft));
        List<String> paths = e.errors().stream().map(FieldError::path).sorted().toList();
        assertEquals(List.of("name", "orgUnitId", "variants.de", "variants.ru.text"), paths);
    }

    @Test
    void languageIsTheMembersThenTheFallbackThenAny() {
        Map<String, TemplateVariant> ruUk =
                Map.of("ru", new TemplateVariant(null, "ru", null), "uk", new TemplateVariant(null, "uk", null));
        assertEquals(Language.UK, DefaultTemplateService.chooseLanguage(ruUk, Language.UK, Language.RU));
        assertEquals(Language.RU, DefaultTemplateService.chooseLanguage(ruUk, Language.EN, Language.RU));
        assertEquals(
                Language.UK,
                DefaultTemplateService.chooseLanguage(
                        Map.of("uk", new TemplateVariant(null, "uk", null)), Language.EN, Language.RU));
    }

    @Test
    void renderingUsesTheChosenVariantForEveryPart() {
        var t = new NotificationTemplate(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "n",
                null,
                Map.of(
                        "ru",
                        new TemplateVariant("Тема {{givenName}}", "Текст {{givenName}}", null),
                        "uk",
                        new TemplateVariant("Тема {{givenName}}", "Текст {{givenName}}", "<i>{{familyName}}</i>")),
                Instant.now(),
                Instant.now(),
                0);
        RenderedMessage m = DefaultTemplateService.render(t, person("Їра", "<Ко>", Language.UK), Language.RU);
        assertEquals(Language.UK, m.language());
        assertEquals("Тема Їра", m.subject());
        assertEquals("Текст Їра", m.text());
        assertNotNull(m.html());
        assertEquals("<i>&lt;Ко&gt;</i>", m.html());
    }
}
