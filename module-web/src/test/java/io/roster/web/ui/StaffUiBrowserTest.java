package io.roster.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        if (!b.driver.findElements(By.id("token")).isEmpty()) {
            b.driver.findElement(By.id("token")).sendKeys(data.key);
            b.driver.findElement(By.cssSelector(".signin button[type=submit]")).click();
        }
        // the shell may re-render while it loads (a section's data arriving): retry on a fresh element until it holds
        b.until(d -> {
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
        // no segments API on this server: the control is hidden
        assertTrue(b.all("roster-member-search", "select[name=segment]").isEmpty());
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
}
