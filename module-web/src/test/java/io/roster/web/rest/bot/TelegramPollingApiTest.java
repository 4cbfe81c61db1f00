package io.roster.web.rest.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.FakeTelegram;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot in long-polling mode: updates queued at the fake Bot API are fetched with getUpdates and processed once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TelegramPollingApiTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        System.setProperty("roster.telegram.mode", "polling");
        System.setProperty("roster.telegram.poll-timeout", "PT0S");
        System.setProperty("roster.telegram.poll-idle", "PT0.1S");
        System.setProperty("roster.telegram.outbox-poll-interval", "PT0.1S");
        return Deployments.roster();
    }

    @AfterAll
    static void restore() {
        for (String k : List.of(
                "roster.telegram.mode",
                "roster.telegram.poll-timeout",
                "roster.telegram.poll-idle",
                "roster.telegram.outbox-poll-interval")) {
            System.clearProperty(k);
        }
    }

    @ArquillianResource
    URL url;

    static FakeTelegram tg() {
        return TestDatabase.telegram();
    }

    @Test
    void queuedUpdatesAreProcessedOnceAndNotAgainAfterARestart() throws Exception {
        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        tg().queueUpdate(FakeTelegram.textUpdate(chat, "/help"));
        ObjectNode second = FakeTelegram.textUpdate(chat, "/start");
        long secondId = tg().queueUpdate(second);
        tg().await(WAIT, c -> tg().messagesTo(chat).size() == 2);
        // the stored offset is past both, and the next long polls ask for what comes after them
        assertTrue(offset() >= secondId + 1);
        int polls = tg().calls("getUpdates").size();
        tg().await(WAIT, c -> tg().calls("getUpdates").size() > polls + 2);
        List<FakeTelegram.Call> later = tg().calls("getUpdates");
        assertTrue(later.get(later.size() - 1).params().path("offset").asLong() >= secondId + 1);
        // A restart that lost the offset (the stored one set back) and Telegram delivering the update again: its id
        // is recorded, so nothing is done twice.
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("update telegram_bot_state set next_offset = " + secondId + " where id = 1");
        }
        ObjectNode again = second.deepCopy();
        again.put("update_id", secondId);
        tg().redeliver(again);
        tg().await(WAIT, c -> tg().calls("getUpdates").stream()
                .anyMatch(g -> g.params().path("offset").asLong() > secondId));
        Thread.sleep(500);
        assertEquals(2, tg().messagesTo(chat).size());
        assertEquals("PROCESSED", outcome(secondId));
    }

    @Test
    void onlyOneInstancePollsAtATime() throws Exception {
        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        // another "instance" holds the polling lock
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('roster:telegram-polling'))");
            Thread.sleep(300);
            int polls = tg().calls("getUpdates").size();
            tg().queueUpdate(FakeTelegram.textUpdate(chat, "/help"));
            Thread.sleep(1000);
            assertEquals(polls, tg().calls("getUpdates").size(), "nobody polls while the lock is held");
            assertEquals(0, tg().messagesTo(chat).size());
            s.execute("select pg_advisory_unlock(hashtext('roster:telegram-polling'))");
        }
        tg().await(WAIT, c -> tg().messagesTo(chat).size() == 1);
        // the webhook path does not exist in polling mode
        assertEquals(
                404,
                Api.withKey(url, null)
                        .header("X-Telegram-Bot-Api-Secret-Token", "x")
                        .post("/api/v1/telegram/webhook", FakeTelegram.textUpdate(chat, "/help"))
                        .status());
    }

    static long offset() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select next_offset from telegram_bot_state where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String outcome(long updateId) throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select outcome from telegram_update where update_id = " + updateId)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
