package io.roster.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import io.roster.web.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff UI in a real headless Chromium over real HTTP: the standalone shell at /ui/ signed in with a key scoped
 * to a test region, and docs/examples/host-page.html served from another origin, embedding the card with a staff
 * token. With -Droster.ui.screenshots=<dir> the tests also save the screenshots shown in docs/ui.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class StaffUiBrowserTest {
    private static final String TEST_ORIGIN = "https://crm.example.org";
    private static HttpServer hostSite;
    private static final AtomicReference<String> HOST_PAGE = new AtomicReference<>("");
    private static Browser browser;
    private static UiData data;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        // the mock CRM's page comes from another origin, which Roster must allow (roster.http.cors-origins)
        hostSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostSite.createContext("/", exchange -> {
            byte[] body = HOST_PAGE.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        hostSite.start();
        System.setProperty("roster.http.cors-origins", TEST_ORIGIN + "," + hostOrigin());
        WebArchive war = Deployments.roster();
        // the UI's static files, as the server ships them under META-INF/resources
        File ui = new File("target/classes/META-INF/resources/ui");
        for (File f : ui.listFiles()) {
            war.addAsResource(f, "META-INF/resources/ui/" + f.getName());
        }
        return war;
    }

    private static String hostOrigin() {
        return "http://127.0.0.1:" + hostSite.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (hostSite != null) {
            hostSite.stop(0);
        }
        System.setProperty("roster.http.cors-origins", TEST_ORIGIN);
    }

    @ArquillianResource
    URL url;

    private String root() {
        // Roster at "localhost", the host page at "127.0.0.1": two origins, as in a real embedding
        return url.getProtocol() + "://localhost:" + url.getPort();
    }

    private Browser browser() {
        if (browser == null) {
            data = new UiData(Api.admin(url));
            browser = new Browser();
        }
        return browser;
    }

    /** Opens a section of the shell signed in with the region's key, in the given language. */
    private Browser shell(String section, String locale) {
        Browser b = browser();
        b.driver.manage().window().setSize(Browser.DESKTOP);
        // a fresh page load: going from /ui/#board to /ui/#members would only change the hash
        b.driver.get("about:blank");
        b.driver.get(root() + "/ui/#" + section);
        // the shell may re-render while it loads (a section's data arriving): retry on a fresh element until it holds;
        // the sign-in form may appear only after the modules ran on a busy machine, so it is looked for each time
        b.until(d -> {
            List<WebElement> token = d.findElements(By.id("token"));
            if (!token.isEmpty()) {
                token.get(0).sendKeys(data.key);
                d.findElement(By.cssSelector(".signin button[type=submit]")).click();
                return false;
            }
            new Select(d.findElement(By.id("locale"))).selectByValue(locale);
            return locale.equals(d.findElement(By.id("locale")).getDomProperty("value"))
                    && !d.findElements(By.cssSelector("nav.tabs")).isEmpty();
        });
        return b;
    }

    private void search(Browser b, String q) {
        WebElement input = b.in("roster-member-search", "input[name=q]");
        input.clear();
        input.sendKeys(q);
        b.in("roster-member-search", "form.filters button[type=submit]").click();
    }

    private WebElement resultNamed(Browser b, String text) {
        return b.until(d -> b.all("roster-member-search", ".member-link").stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    @Test
    void searchOpenTheCardLogAnInteractionAndSeeItOnTheTimeline() {
        Browser b = shell("members", "ru");
        search(b, "Sutyagin");
        resultNamed(b, "Сутягин").click();
        b.until(d -> b.in("roster-member-card", "h2.name").getText().equals("Сутягин Иван Петрович"));
        assertTrue(
                b.text("roster-member-card").contains("+79131234567"), "unmasked for a key with MEMBER_CONTACTS_READ");
        b.until(d -> b.text("roster-timeline").contains("Согласился помочь с обходом"));

        new Select(b.in("roster-timeline", "select[name=type]")).selectByValue("MEETING");
        new Select(b.in("roster-timeline", "select[name=outcome]")).selectByValue("REACHED");
        b.in("roster-timeline", "input[name=subject]").sendKeys(UiData.SUBJECT);
        b.in("roster-timeline", "textarea[name=body]").sendKeys("Придёт, просит напомнить за день.");
        b.in("roster-timeline", ".log-form button[type=submit]").click();
        b.until(d -> b.all("roster-timeline", ".entry").stream()
                .anyMatch(
                        e -> e.getText().contains(UiData.SUBJECT) && e.getText().contains("Встреча")));
        JsonNode timeline = Api.admin(url)
                .get("/api/v1/members/" + data.sutyagin + "/timeline?limit=1")
                .expect(200);
        assertEquals(UiData.SUBJECT, timeline.get("items").get(0).get("title").asText());
        b.screenshot("member-card-and-timeline");

        // infinite scroll: with pages of 3 the timeline keeps loading as its end comes into view, until the last page
        int total = Api.admin(url)
                .get("/api/v1/members/" + data.sutyagin + "/timeline?limit=200")
                .expect(200)
                .get("items")
                .size();
        assertTrue(total > 6, "enough history for several pages: " + total);
        b.js("arguments[0].setAttribute('page-size', '3')", b.driver.findElement(By.cssSelector("roster-timeline")));
        b.until(d -> {
            b.js("window.scrollTo(0, document.body.scrollHeight)");
            return b.all("roster-timeline", ".entry").size() == total;
        });

        // at 320 px (a contact page's sidebar, a phone) nothing scrolls sideways
        b.driver.manage().window().setSize(new Dimension(320, 800));
        b.js("window.scrollTo(0, 0)");
        b.until(d -> b.in("roster-member-card", "h2.name").isDisplayed());
        long pageOverflow =
                (Long) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(pageOverflow <= 0, "the page does not scroll sideways at 320 px: " + pageOverflow);
        long overflow = (Long) b.js("const c = document.querySelector('roster-member-card');"
                + " return c.shadowRoot.querySelector('.card').scrollWidth - c.getBoundingClientRect().width;");
        assertTrue(overflow <= 1, "the card fits 320 px: " + overflow);
        b.screenshot("member-card-320px");
    }

    @Test
    void searchListsFiltersAndBulkTags() {
        Browser b = shell("members", "ru");
        new Select(b.in("roster-member-search", "select[name=status]")).selectByValue("SUPPORTER");
        search(b, "");
        b.until(d -> b.all("roster-member-search", ".member-link").size() >= 5);
        assertTrue(b.all("roster-member-search", ".member-link").stream()
                .noneMatch(e -> e.getText().contains("Ковальчук")));
        // the key may read segments: the control is there
        b.in("roster-member-search", "select[name=segment]");
        List<WebElement> boxes = b.all("roster-member-search", "tbody input[type=checkbox]");
        boxes.get(0).click();
        boxes.get(1).click();
        b.in("roster-member-search", "details.bulk summary").click();
        WebElement tag = b.in("roster-member-search", "details.bulk input[type=text]");
        tag.sendKeys("обзвон-ноябрь");
        b.all("roster-member-search", "details.bulk button").get(0).click();
        b.until(d -> b.text("roster-member-search").contains("Готово: 2."));
        b.screenshot("member-search");
        JsonNode tagged = Api.admin(url)
                .post(
                        "/api/v1/member-searches",
                        java.util.Map.of("tags", List.of("обзвон-ноябрь"), "orgUnitId", data.region))
                .expect(200);
        assertEquals(2, tagged.get("items").size());
    }

    @Test
    void aCardDraggedToTheNextStageStaysThereAfterAReloadAndTheKeyboardMovesOneToo() {
        Browser b = shell("board", "ru");
        openBoard(b);
        WebElement card = cardOnBoard(b, "new", "Позвонить: Волков");
        WebElement calling = b.in("roster-pipeline-board", ".column[data-stage=calling]");
        new Actions(b.driver)
                .clickAndHold(card)
                .moveByOffset(12, 8)
                .moveToElement(calling)
                .moveByOffset(0, 20)
                .release()
                .perform();
        b.until(d -> cardIn(b, "calling", "Позвонить: Волков"));
        assertEquals("calling", task("Позвонить: Волков").get("stage").asText());

        b.driver.navigate().refresh();
        openBoard(b);
        b.until(d -> cardIn(b, "calling", "Позвонить: Волков"));
        assertFalse(cardIn(b, "new", "Позвонить: Волков"));

        // keyboard: focus a card, Shift+→ moves it to the next stage
        WebElement other = cardOnBoard(b, "new", "Позвонить: Смирнова");
        b.js("arguments[0].focus()", other);
        new Actions(b.driver)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.ARROW_RIGHT)
                .keyUp(Keys.SHIFT)
                .perform();
        b.until(d -> cardIn(b, "calling", "Позвонить: Смирнова"));
        assertEquals("calling", task("Позвонить: Смирнова").get("stage").asText());
        // the stage is now at its WIP limit of 4 and says so
        b.until(d -> b.in("roster-pipeline-board", ".column[data-stage=calling]")
                .getAttribute("class")
                .contains("at-limit"));
        b.driver.navigate().refresh();
        openBoard(b);
        b.until(d -> cardIn(b, "calling", "Позвонить: Смирнова"));
        b.screenshot("pipeline-board");

        // a refused move is a sentence, not JSON, and the card stays where it was
        WebElement blocked = cardOnBoard(b, "new", "Пригласить на школу актива");
        b.js("arguments[0].focus()", blocked);
        new Actions(b.driver)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.ARROW_RIGHT)
                .keyUp(Keys.SHIFT)
                .perform();
        WebElement alert = b.in("roster-pipeline-board", ".alert");
        assertTrue(alert.getText().startsWith("Этап заполнен: достигнут WIP-лимит"), alert.getText());
        assertFalse(alert.getText().contains("{"), alert.getText());
        assertEquals("new", task("Пригласить на школу актива").get("stage").asText());
        assertTrue(cardIn(b, "new", "Пригласить на школу актива"));

        // the card's detail: checklist and comments
        cardOnBoard(b, "calling", "Позвонить: Орлова").click();
        b.until(d -> b.in("roster-pipeline-board", "dialog[open]"));
        b.in("roster-pipeline-board", "dialog textarea").sendKeys("Перезвонить в пятницу после 18:00");
        b.in("roster-pipeline-board", "dialog form button[type=submit]").click();
        b.until(d -> b.in("roster-pipeline-board", "dialog .comments").getText().contains("Перезвонить в пятницу"));
        b.all("roster-pipeline-board", "dialog .checklist input[type=checkbox]")
                .get(1)
                .click();
        b.until(d ->
                task("Позвонить: Орлова").get("checklist").get(1).get("done").asBoolean());
        b.screenshot("pipeline-card-detail");
        b.in("roster-pipeline-board", "dialog button.icon").click();
    }

    private void openBoard(Browser b) {
        b.until(d -> {
            new Select(d.findElement(By.cssSelector(".toolbar select"))).selectByValue(data.pipelineKey);
            return data.pipelineKey.equals(
                    d.findElement(By.cssSelector("roster-pipeline-board")).getDomAttribute("pipeline"));
        });
        b.until(d -> b.in("roster-pipeline-board", ".column[data-stage=new]"));
    }

    private WebElement cardOnBoard(Browser b, String stage, String title) {
        return b.until(d -> b.all("roster-pipeline-board", ".column[data-stage=" + stage + "] .task").stream()
                .filter(e -> e.getText().contains(title))
                .findFirst()
                .orElse(null));
    }

    private boolean cardIn(Browser b, String stage, String title) {
        return b.all("roster-pipeline-board", ".column[data-stage=" + stage + "] .task").stream()
                .anyMatch(e -> e.getText().contains(title));
    }

    private JsonNode task(String title) {
        return Api.admin(url).get("/api/v1/tasks/" + data.cards.get(title)).expect(200);
    }

    @Test
    void attendanceIsMarkedForThreeMembers() {
        Browser b = shell("events", "ru");
        b.until(d -> b.all("roster-attendance-sheet", "button.link").stream()
                        .filter(e -> e.getText().contains("Школа актива"))
                        .findFirst()
                        .orElse(null))
                .click();
        b.until(d ->
                b.all("roster-attendance-sheet", "tbody input[type=checkbox]").size() == 3);
        for (int i = 0; i < 3; i++) {
            int row = i;
            b.until(d -> b.all("roster-attendance-sheet", "tbody input[type=checkbox]")
                            .get(row))
                    .click();
        }
        b.until(d -> b.text("roster-attendance-sheet").contains("Несохранённых изменений: 3"));
        b.in("roster-attendance-sheet", ".sticky-actions button.primary").click();
        b.until(d -> b.text("roster-attendance-sheet").contains("Сохранено: 3."));
        JsonNode sheet = Api.admin(url)
                .get("/api/v1/events/" + data.event + "/attendances")
                .expect(200);
        assertEquals(3, sheet.get("items").size());
        for (JsonNode line : sheet.get("items")) {
            assertEquals("ATTENDED", line.get("status").asText());
            assertTrue(data.trio.contains(line.get("memberId").asText()));
        }
        b.screenshot("attendance-sheet");
    }

    @Test
    void theLanguageSwitchesToUkrainianAndRussianAndCyrillicNamesRoundTrip() {
        Browser b = shell("members", "uk");
        b.until(d -> d.findElement(By.cssSelector("nav.tabs")).getText().contains("Мої завдання"));
        b.until(d -> b.in("roster-member-search", "form.filters button[type=submit]")
                .getText()
                .equals("Знайти"));
        search(b, "Ковальчук");
        resultNamed(b, "Ковальчук").click();
        b.until(d -> b.in("roster-member-card", "h2.name").getText().equals("Ковальчук Олена Петрівна"));
        b.until(d -> b.text("roster-member-card").contains("Змінити статус"));
        b.until(d -> b.text("roster-timeline").contains("Записати контакт")
                || b.text("roster-timeline").contains("Історія"));
        assertTrue(b.text("roster-member-card").contains("Член"));
        b.screenshot("locale-uk");

        new Select(b.driver.findElement(By.id("locale"))).selectByValue("ru");
        b.until(d -> d.findElement(By.cssSelector("nav.tabs")).getText().contains("Мои задачи"));
        b.until(d -> b.text("roster-member-card").contains("Сменить статус"));
        assertTrue(b.text("roster-timeline").contains("История"));
        assertEquals(
                "Ковальчук Олена Петрівна",
                b.in("roster-member-card", "h2.name").getText());
        assertEquals("ru", b.js("return document.documentElement.lang"));
    }

    @Test
    void aHostileNameRendersAsText() {
        Browser b = shell("members", "en");
        search(b, "Тестов");
        WebElement link = resultNamed(b, "Тестов");
        assertTrue(link.getText().contains(UiData.HOSTILE), link.getText());
        link.click();
        b.until(d -> b.in("roster-member-card", "h2.name").getText().contains(UiData.HOSTILE));
        long images = (Long) b.js("let n = document.querySelectorAll('img').length;"
                + " for (const el of document.querySelectorAll('*')) if (el.shadowRoot)"
                + "   n += el.shadowRoot.querySelectorAll('img').length;"
                + " return n;");
        assertEquals(0, images);
        assertThrows(NoAlertPresentException.class, () -> b.driver.switchTo().alert());
        b.screenshot("hostile-name");
    }

    @Test
    void myTasksListTheCallersCardsByDueDate() {
        Browser b = shell("tasks", "ru");
        b.until(d -> b.in("roster-my-tasks", ".section-overdue").getText().contains("Напомнить о взносе"));
        assertTrue(b.in("roster-my-tasks", ".section-upcoming").getText().contains("Пригласить на школу актива"));
        b.screenshot("my-tasks");
    }

    @Test
    void theDashboardDrawsItsChartsAsSvg() {
        Browser b = shell("dashboard", "ru");
        b.until(d -> {
            new Select(d.findElement(By.cssSelector(".toolbar select"))).selectByValue(data.pipelineKey);
            return data.pipelineKey.equals(
                    d.findElement(By.cssSelector("roster-dashboard")).getDomAttribute("pipeline"));
        });
        b.until(d -> b.text("roster-dashboard").contains("Обзвон волонтёров"));
        b.until(d -> b.all("roster-dashboard", "svg.chart rect").size() > 10);
        b.until(d -> b.text("roster-dashboard").contains("Кировский район"));
        String text = b.text("roster-dashboard");
        assertTrue(text.contains("Центральный район"), text);
        assertTrue(text.contains("Контакты по каналам"), text);
        b.screenshot("dashboard");
    }

    @Test
    void aViewerSeesContactDetailsMaskedAndNoStatusChange() throws IOException {
        Browser b = browser();
        hostPage(TestTokens.staff("crm-viewer-3", List.of("viewer"), List.of(data.region)));
        b.until(d -> b.in("roster-member-card", "h2.name").getText().equals("Сутягин Иван Петрович"));
        String card = b.text("roster-member-card");
        assertTrue(card.contains("+7 *** ***-45-67"), card);
        assertFalse(card.contains("+79131234567"), card);
        assertFalse(card.contains("ivan.sutyagin@example.org"), card);
        // a viewer may not log contacts: the timeline's form answers with a readable refusal
        b.in("roster-timeline", "input[name=subject]").sendKeys("Попытка");
        b.in("roster-timeline", ".log-form button[type=submit]").click();
        b.until(d -> b.in("roster-timeline", ".alert").getText().equals("У вас нет прав на это действие"));
    }

    private void hostPage(String token) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "examples", "host-page.html"), StandardCharsets.UTF_8)
                .replace("http://localhost:8080", root())
                .replace("TOKEN_PLACEHOLDER", token)
                .replace("MEMBER_ID_PLACEHOLDER", data.sutyagin);
        HOST_PAGE.set(page);
        browser().driver.manage().window().setSize(Browser.DESKTOP);
        browser().driver.get("about:blank");
        browser().driver.get(hostOrigin() + "/contact");
    }

    @Test
    void theHostPageEmbedsTheCardWithAToken() throws IOException {
        Browser b = browser();
        hostPage(TestTokens.staff("crm-user-17", List.of("organiser"), List.of(data.region)));
        b.until(d -> b.in("roster-member-card", "h2.name").getText().equals("Сутягин Иван Петрович"));
        b.until(d -> b.text("roster-timeline").contains("Согласился помочь с обходом"));
        // the host's loud styles stay outside: Roster's heading is not the host's dark red
        String color = (String) b.js("return getComputedStyle(document.querySelector('roster-member-card')"
                + ".shadowRoot.querySelector('h2')).color");
        assertFalse(color.contains("139, 0, 0"), color);
        assertTrue(b.text("roster-member-card").contains("Сменить статус"));
        b.screenshot("host-page");
    }

    @Test
    void aSavedSegmentNarrowsTheListAndTheCriteriaAreSavedAsOne() {
        // a segment created through the API, shaped as the server keeps it: {filter: {consentChannel, statuses, …}}
        String segment = Api.admin(url)
                .post(
                        "/api/v1/segments",
                        Map.of(
                                "orgUnitId",
                                data.region,
                                "name",
                                "Сторонники с Telegram",
                                "filter",
                                Map.of("statuses", List.of("SUPPORTER"), "consentChannel", "TELEGRAM")))
                .expect(201)
                .get("id")
                .asText();
        Browser b = shell("members", "ru");
        search(b, "");
        b.until(d -> b.all("roster-member-search", ".member-link").size() >= 10);
        int all = b.all("roster-member-search", ".member-link").size();
        assertTrue(b.text("roster-member-search").contains("Ковальчук"));
        b.until(d -> {
            new Select(b.in("roster-member-search", "select[name=segment]")).selectByValue(segment);
            return true;
        });
        // only the supporters with a Telegram consent: Сутягин, and nobody else of the region
        b.until(d -> b.all("roster-member-search", ".member-link").size() == 1);
        assertTrue(b.in("roster-member-search", ".member-link").getText().contains("Сутягин"));
        assertTrue(all > 1);

        // the typed criteria saved as a segment of the caller's unit
        new Select(b.in("roster-member-search", "select[name=segment]")).selectByValue("");
        WebElement tag = b.in("roster-member-search", "input[name=tag]");
        tag.clear();
        tag.sendKeys("волонтерка");
        b.in("roster-member-search", "details.save-segment summary").click();
        b.in("roster-member-search", "input[name=segmentName]").sendKeys("Волонтёрки Омска");
        b.in("roster-member-search", "details.save-segment button[type=submit]").click();
        b.until(d -> b.text("roster-member-search").contains("Сегмент сохранён: Волонтёрки Омска."));
        JsonNode saved = null;
        for (JsonNode s :
                Api.admin(url).get("/api/v1/segments?limit=100").expect(200).get("items")) {
            if (s.get("name").asText().equals("Волонтёрки Омска")) saved = s;
        }
        assertTrue(saved != null, "saved through the UI");
        assertEquals(data.region, saved.get("orgUnitId").asText());
        assertEquals("волонтерка", saved.get("filter").get("tags").get(0).asText());
        b.until(d -> b.all("roster-member-search", ".member-link").size() == 1
                && b.in("roster-member-search", ".member-link").getText().contains("Ковальчук"));
    }

    /** Three members of a district with a tag of their own: two with e-mail and its consent, one with neither. */
    private String broadcastAudience() {
        Api admin = Api.admin(url);
        String tag = Fixtures.unique("рассылка");
        String[][] people = {{"Галина", "Тарасова", "yes"}, {"Ґалина", "Мельник", "yes"}, {"Пётр", "Зайцев", "no"}};
        for (String[] p : people) {
            Map<String, Object> m = Fixtures.person(data.kirov, p[0], null, p[1]);
            m.put("tags", List.of(tag));
            if (p[2].equals("yes")) {
                m.put(
                        "emails",
                        List.of(Map.of(
                                "address", Fixtures.unique("mail").replaceAll("[^a-z0-9-]", "") + "@example.org")));
                m.put("consents", List.of(Map.of("channel", "EMAIL", "granted", true, "source", "анкета")));
            }
            Fixtures.member(admin, m);
        }
        return admin.post(
                        "/api/v1/segments",
                        Map.of(
                                "orgUnitId",
                                data.region,
                                "name",
                                "Приглашённые на собрание",
                                "filter",
                                Map.of("tags", List.of(tag))))
                .expect(201)
                .get("id")
                .asText();
    }

    private String stat(Browser b, String key) {
        return b.in("roster-broadcasts", "[data-stat=" + key + "] .stat-value").getText();
    }

    @Test
    void aBroadcastToASegmentIsSentAndItsNameRendersAsText() {
        String segment = broadcastAudience();
        Browser b = shell("broadcasts", "ru");
        // a template with ru/uk variants, named with markup that must stay text
        b.in("roster-broadcasts", "section.templates details summary").click();
        b.in("roster-broadcasts", "input[name=templateName]").sendKeys(UiData.HOSTILE);
        b.in("roster-broadcasts", "textarea[name=text-ru]")
                .sendKeys("Здравствуйте, {{givenName}}! Ждём вас в четверг.");
        b.in("roster-broadcasts", "textarea[name=text-uk]")
                .sendKeys("Вітаємо, {{givenName}}! Чекаємо на вас у четвер.");
        b.in("roster-broadcasts", "form.new-template button[type=submit]").click();
        b.until(d -> b.text("roster-broadcasts").contains("Шаблон сохранён: " + UiData.HOSTILE));

        b.in("roster-broadcasts", "details.new summary").click();
        b.in("roster-broadcasts", "form.new-broadcast input[name=name]").sendKeys(UiData.HOSTILE);
        b.until(d -> {
            new Select(b.in("roster-broadcasts", "select[name=template]")).selectByVisibleText(UiData.HOSTILE);
            new Select(b.in("roster-broadcasts", "form.new-broadcast select[name=segment]")).selectByValue(segment);
            return true;
        });
        // Telegram first (nobody has linked a chat), then e-mail
        b.in("roster-broadcasts", "form.new-broadcast button[type=submit]").click();
        b.until(d -> b.in("roster-broadcasts", "h2.broadcast-name").getText().equals(UiData.HOSTILE));
        assertTrue(b.text("roster-broadcasts").contains("Черновик"));
        b.in("roster-broadcasts", "button[data-action=start]").click();
        // live figures: two sent by e-mail, one skipped with each channel's reason
        b.until(d -> stat(b, "sent").equals("2") && stat(b, "skipped").equals("1"));
        b.until(d -> b.text("roster-broadcasts").contains("Завершена"));
        assertEquals("3", stat(b, "recipients"));
        String reasons = b.in("roster-broadcasts", "table.reasons").getText();
        assertTrue(reasons.contains("TELEGRAM") && reasons.contains("EMAIL"), reasons);
        // the deliveries, filtered by status
        b.until(d -> b.all("roster-broadcasts", "table.delivery-list tbody tr").size() == 3);
        new Select(b.in("roster-broadcasts", "select[name=deliveryStatus]")).selectByValue("SKIPPED");
        b.until(d -> b.all("roster-broadcasts", "table.delivery-list tbody tr").size() == 1);
        assertTrue(b.in("roster-broadcasts", "table.delivery-list tbody tr")
                .getText()
                .contains("Пропущено"));
        // the skipped one is the member without consents, shown by name
        b.until(d -> b.in("roster-broadcasts", "table.delivery-list tbody tr")
                .getText()
                .contains("Зайцев Пётр"));

        // what a member gets: the Ukrainian name round-trips into the rendered text
        b.in("roster-broadcasts", "details.preview-box summary").click();
        b.in("roster-broadcasts", "input[name=previewQuery]").sendKeys("Мельник");
        b.in("roster-broadcasts", "details.preview-box button[type=submit]").click();
        b.until(d -> b.all("roster-broadcasts", ".preview-hits button").stream()
                        .filter(e -> e.getText().contains("Мельник"))
                        .findFirst()
                        .orElse(null))
                .click();
        b.until(d -> b.in("roster-broadcasts", ".preview-message").getText().contains("Ґалина"));
        b.screenshot("broadcast");

        long images = (Long) b.js("let n = document.querySelectorAll('img').length;"
                + " for (const el of document.querySelectorAll('*')) if (el.shadowRoot)"
                + "   n += el.shadowRoot.querySelectorAll('img').length;"
                + " return n;");
        assertEquals(0, images);
        assertThrows(NoAlertPresentException.class, () -> b.driver.switchTo().alert());
        b.in("roster-broadcasts", "button.back").click();
        b.until(d -> b.all("roster-broadcasts", ".broadcast-link").stream()
                .anyMatch(e -> e.getText().equals(UiData.HOSTILE)));
        b.screenshot("broadcasts");
    }

    @Test
    void aScheduledBroadcastIsPausedResumedAndCancelled() {
        String segment = broadcastAudience();
        Api admin = Api.admin(url);
        String template = admin.post(
                        "/api/v1/message-templates",
                        Map.of(
                                "orgUnitId",
                                data.region,
                                "name",
                                Fixtures.unique("Напоминание"),
                                "variants",
                                Map.of("ru", Map.of("text", "Напоминаем о собрании, {{givenName}}."))))
                .expect(201)
                .get("id")
                .asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgUnitId", data.region);
        body.put("name", "Отложенная рассылка");
        body.put("templateId", template);
        body.put("segmentId", segment);
        body.put("channels", List.of("EMAIL"));
        body.put("startAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        String id = admin.post("/api/v1/broadcasts", body).expect(201).get("id").asText();

        Browser b = shell("broadcasts", "uk");
        // the template editor: a Ukrainian variant added to the Russian one
        b.in("roster-broadcasts", ".template-edit[data-id='" + template + "']").click();
        b.until(d -> b.in("roster-broadcasts", "textarea[name=text-ru]")
                .getDomProperty("value")
                .startsWith("Напоминаем"));
        b.in("roster-broadcasts", "textarea[name=text-uk]").sendKeys("Нагадуємо про збори, {{givenName}}.");
        b.in("roster-broadcasts", "form.new-template button[type=submit]").click();
        b.until(d -> b.text("roster-broadcasts").contains("Шаблон збережено"));
        JsonNode variants =
                admin.get("/api/v1/message-templates/" + template).expect(200).get("variants");
        assertEquals(
                "Нагадуємо про збори, {{givenName}}.",
                variants.get("uk").get("text").asText());
        assertEquals(
                "Напоминаем о собрании, {{givenName}}.",
                variants.get("ru").get("text").asText());
        assertFalse(variants.has("en") && !variants.get("en").isNull(), variants.toString());
        b.until(d -> b.all("roster-broadcasts", ".broadcast-link").stream()
                        .filter(e -> e.getText().equals("Отложенная рассылка"))
                        .findFirst()
                        .orElse(null))
                .click();
        b.in("roster-broadcasts", "button[data-action=start]").click();
        b.until(d -> b.in("roster-broadcasts", ".actions .badge").getText().equals("Запланована"));
        b.in("roster-broadcasts", "button[data-action=pause]").click();
        b.until(d -> b.in("roster-broadcasts", ".actions .badge").getText().equals("Призупинена"));
        assertEquals(
                "PAUSED",
                admin.get("/api/v1/broadcasts/" + id).expect(200).get("status").asText());
        b.in("roster-broadcasts", "button[data-action=resume]").click();
        b.until(d -> b.in("roster-broadcasts", ".actions .badge").getText().equals("Запланована"));
        assertEquals(
                "SCHEDULED",
                admin.get("/api/v1/broadcasts/" + id).expect(200).get("status").asText());
        assertEquals("3", stat(b, "queued"));
        // the panel's strings in Ukrainian
        String text = b.text("roster-broadcasts");
        assertTrue(
                text.contains("Перебіг розсилки") && text.contains("Доставки") && text.contains("Усі розсилки"), text);
        assertTrue(b.driver.findElement(By.cssSelector("nav.tabs")).getText().contains("Розсилки"));
        assertTrue(b.driver.findElement(By.cssSelector("nav.tabs")).getText().contains("Відповіді бота"));
        b.screenshot("broadcast-uk");
        b.in("roster-broadcasts", "button[data-action=cancel]").click();
        b.until(d -> b.in("roster-broadcasts", ".actions .badge").getText().equals("Скасована"));
        b.until(d -> stat(b, "cancelled").equals("3"));
        assertEquals(
                "CANCELLED",
                admin.get("/api/v1/broadcasts/" + id).expect(200).get("status").asText());

        // at 320 px nothing scrolls sideways
        b.driver.manage().window().setSize(new Dimension(320, 800));
        b.js("window.scrollTo(0, 0)");
        b.until(d -> b.in("roster-broadcasts", "h2.broadcast-name").isDisplayed());
        long pageOverflow =
                (Long) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(pageOverflow <= 0, "the page does not scroll sideways at 320 px: " + pageOverflow);
        b.screenshot("broadcast-320px");
    }

    @Test
    void aUkrainianKnowledgeBaseEntryIsFoundByTryingAQuestion() {
        Browser b = shell("knowledge", "uk");
        b.until(d -> b.text("roster-knowledge-base").contains("Перевірити запитання"));
        assertTrue(b.text("roster-knowledge-base").contains("Типові запитання за 30 днів"));
        b.in("roster-knowledge-base", "details.kb-form summary").click();
        b.in("roster-knowledge-base", "input[name=question]").sendKeys("Як сплатити членський внесок?");
        b.in("roster-knowledge-base", "details.kb-form button.link").click();
        b.until(d -> b.all("roster-knowledge-base", "input[name=question]").size() == 2);
        new Select(b.all("roster-knowledge-base", "select[name=questionLanguage]")
                        .get(1))
                .selectByValue("ru");
        b.all("roster-knowledge-base", "input[name=question]").get(1).sendKeys("Как уплатить членский взнос?");
        String answer = "Внесок можна сплатити в приймальні осередку або переказом за реквізитами на сайті.";
        b.in("roster-knowledge-base", "textarea[name=answer-uk]").sendKeys(answer);
        b.in("roster-knowledge-base", "textarea[name=answer-ru]")
                .sendKeys("Взнос можно уплатить в приёмной отделения.");
        b.in("roster-knowledge-base", "details.kb-form button[type=submit]").click();
        b.until(d -> b.text("roster-knowledge-base").contains("Запис збережено."));
        JsonNode entry = Api.admin(url)
                .get("/api/v1/knowledge-base/entries?orgUnitId=" + data.region + "&limit=1")
                .expect(200)
                .get("items")
                .get(0);
        assertEquals(
                "Як сплатити членський внесок?",
                entry.get("questions").get(0).get("text").asText());
        assertEquals("uk", entry.get("questions").get(0).get("language").asText());
        assertEquals(answer, entry.get("answers").get("uk").asText());

        WebElement ask = b.in("roster-knowledge-base", "input[name=ask]");
        ask.sendKeys("як сплатити внесок");
        b.in("roster-knowledge-base", ".kb-try button[type=submit]").click();
        b.until(d -> b.in("roster-knowledge-base", ".kb-decision").getText().equals("Бот відповість першим записом."));
        assertTrue(b.in("roster-knowledge-base", ".kb-candidates").getText().contains("Як сплатити членський внесок?"));

        // what the bot logged (as it does for members' questions) shows as the typical questions
        questionLog(entry.get("id").asText());
        b.driver.navigate().refresh();
        b.until(d -> b.all("roster-knowledge-base", "table.kb-top tbody tr").size() == 1);
        assertTrue(b.in("roster-knowledge-base", "table.kb-top").getText().contains("Як сплатити членський внесок?"));
        assertTrue(
                b.in("roster-knowledge-base", "table.kb-unanswered").getText().contains("коли збори осередку?"));
        assertTrue(b.all("roster-knowledge-base", ".kb-bars svg rect").size() >= 2);
        b.screenshot("knowledge-base");
        b.driver.manage().window().setSize(new Dimension(320, 800));
        b.until(d -> b.in("roster-knowledge-base", ".kb-try").isDisplayed());
        long overflow =
                (Long) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the page does not scroll sideways at 320 px: " + overflow);
        b.driver.manage().window().setSize(Browser.DESKTOP);

        // edit, then delete
        b.in("roster-knowledge-base", ".kb-entry[data-id='" + entry.get("id").asText() + "'] .kb-edit")
                .click();
        WebElement en = b.in("roster-knowledge-base", "textarea[name=answer-en]");
        en.sendKeys("Pay at the branch office or by bank transfer.");
        b.in("roster-knowledge-base", "details.kb-form button[type=submit]").click();
        b.until(d -> b.text("roster-knowledge-base").contains("Запис збережено."));
        assertEquals(
                "Pay at the branch office or by bank transfer.",
                Api.admin(url)
                        .get("/api/v1/knowledge-base/entries/" + entry.get("id").asText())
                        .expect(200)
                        .get("answers")
                        .get("en")
                        .asText());
        b.in("roster-knowledge-base", ".kb-entry[data-id='" + entry.get("id").asText() + "'] .kb-delete")
                .click();
        b.until(d -> b.text("roster-knowledge-base").contains("Запис видалено."));
        Api.admin(url)
                .get("/api/v1/knowledge-base/entries/" + entry.get("id").asText())
                .expect(404);
    }

    /** Rows as the bot writes them for its questions: five answered by the entry, three unanswered of one text. */
    private void questionLog(String entryId) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("insert into kb_question_log"
                        + " (id, asked_at, org_unit_id, language, entry_id, confidence, outcome, text)"
                        + " values (?::uuid, now() - interval '1 day', ?::uuid, 'uk', ?::uuid, ?, ?, ?)")) {
            for (int i = 0; i < 8; i++) {
                boolean answered = i < 5;
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, data.kirov);
                ps.setString(3, answered ? entryId : null);
                ps.setDouble(4, answered ? 0.9 : 0.1);
                ps.setString(5, answered ? "ANSWERED" : "UNANSWERED");
                ps.setString(6, answered ? null : "коли збори осередку?");
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCardGivesATelegramLinkCodeAsTextOnly() {
        Browser b = shell("members", "ru");
        search(b, "Ковальчук");
        resultNamed(b, "Ковальчук").click();
        b.until(d -> b.in("roster-member-card", ".telegram-link").getText().contains("чат не привязан"));
        String before = b.driver.getCurrentUrl();
        b.in("roster-member-card", ".link-code-button").click();
        String code =
                b.until(d -> b.in("roster-member-card", ".link-code code.code").getText());
        assertTrue(code.matches("[A-Z0-9]{12}"), code);
        assertTrue(b.text("roster-member-card").contains("Код одноразовый"));
        assertEquals(before, b.driver.getCurrentUrl());
        assertFalse(b.driver.getCurrentUrl().contains(code));
        assertTrue(b.all("roster-member-card", "a").isEmpty(), "the code and the deep link are text, not links");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.in("roster-member-card", ".link-code"));
        b.screenshot("member-card-telegram-code");
    }

    @Test
    void everyStringOfTheCataloguesIsInRussianUkrainianAndEnglish() {
        Browser b = shell("knowledge", "en");
        Object missing = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('/ui/i18n.js').then((m) => {"
                + "   const c = m.catalogues, out = [];"
                + "   for (const l of ['ru', 'uk']) {"
                + "     for (const k of Object.keys(c.en)) if (!(k in c[l])) out.push(l + ':' + k);"
                + "     for (const k of Object.keys(c[l])) if (!(k in c.en)) out.push('en:' + k);"
                + "   }"
                + "   done(out.join(', '));"
                + " }, (e) => done('import failed: ' + e));");
        assertEquals("", missing);
    }

    @Test
    void aCallerWithoutSegmentWriteLosesTheSaveControlWithAReason() {
        String reader = Fixtures.key(
                Api.admin(url), List.of("ORG_READ", "MEMBER_READ", "NOTIFICATION_READ"), List.of(data.region));
        Browser b = browser();
        b.driver.manage().window().setSize(Browser.DESKTOP);
        b.driver.get("about:blank");
        b.driver.get(root() + "/ui/#members");
        try {
            // this test signs in with its own key: the tab's stored one is dropped first
            b.js("sessionStorage.clear(); location.reload();");
            b.until(d -> {
                List<WebElement> token = d.findElements(By.id("token"));
                if (token.isEmpty()) return false;
                token.get(0).sendKeys(reader);
                d.findElement(By.cssSelector(".signin button[type=submit]")).click();
                return true;
            });
            b.until(d -> {
                new Select(d.findElement(By.id("locale"))).selectByValue("ru");
                return !d.findElements(By.cssSelector("nav.tabs")).isEmpty();
            });
            b.in("roster-member-search", "details.save-segment summary").click();
            b.in("roster-member-search", "input[name=segmentName]").sendKeys("Не сохранится");
            b.in("roster-member-search", "details.save-segment button[type=submit]")
                    .click();
            b.until(d -> b.in("roster-member-search", ".alert").getText().equals("У вас нет прав на это действие"));
            assertTrue(b.all("roster-member-search", "details.save-segment").isEmpty());
            // the saved segments are still there to apply
            b.in("roster-member-search", "select[name=segment]");
        } finally {
            b.js("sessionStorage.clear();");
        }
    }
}
