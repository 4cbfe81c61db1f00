package io.roster.web.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.roster.api.schema.SchemaMigrator;
import io.roster.web.server.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the whole test run: the same embedded server the product starts, on a fresh data
 * directory under target/, migrated once. Its URL reaches the runtime through the {@code roster.db.*} keys.
 */
public class TestDatabase implements LauncherSessionListener {
    public static final String ADMIN_KEY = "rst_test-admin-key-0123456789abcdef";
    private static EmbeddedDatabase database;
    private static FakeTelegram telegram;
    private static GreenMail mail;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (database != null) {
            return;
        }
        try {
            Path dir = Path.of("target", "test-roster-data", "pg").toAbsolutePath();
            deleteTree(dir);
            database = EmbeddedDatabase.start(dir.getParent(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("roster.db.url", database.jdbcUrl());
        System.setProperty("roster.db.user", database.user());
        System.setProperty("roster.db.password", database.password());
        System.setProperty("roster.bootstrap.admin-key", ADMIN_KEY);
        TestTokens.configure(Path.of("target", "test-roster-data").toAbsolutePath());
        // Tests send many requests with one key; RateLimitApiTest lowers this for its own deployment.
        System.setProperty("roster.rate-limit.per-minute", "1000000");
        System.setProperty("roster.rate-limit.burst", "1000000");
        System.setProperty("roster.http.cors-origins", "https://crm.example.org");
        // Webhook retries within a test's patience: 0.3 s, 0.6 s, 1.2 s, …
        System.setProperty("roster.webhooks.retry-base", "PT0.3S");
        System.setProperty("roster.webhooks.poll-interval", "PT0.1S");
        System.setProperty("roster.webhooks.timeout", "PT5S");
        // the SLA job runs often enough for a test to watch it escalate
        System.setProperty("roster.pipeline.sla-check-interval", "1s");
        // the Telegram Bot API is a local fake for the whole run (FakeTelegram)
        telegram = FakeTelegram.start();
        System.setProperty("roster.telegram.bot-token", FakeTelegram.TOKEN);
        System.setProperty("roster.telegram.api-url", telegram.apiUrl());
        // a real SMTP server for the whole run (GreenMail), reached without TLS
        mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        System.setProperty("roster.mail.host", "127.0.0.1");
        System.setProperty("roster.mail.port", Integer.toString(mail.getSmtp().getPort()));
        System.setProperty("roster.mail.tls", "none");
        System.setProperty("roster.mail.from", "roster@branch.example.org");
        // broadcasts: no default quiet hours (tests set their own), fast polling and retries
        System.setProperty("roster.notifications.quiet-hours", "none");
        System.setProperty("roster.notifications.poll-interval", "PT0.1S");
        System.setProperty("roster.notifications.retry-base", "PT0.5S");
        ServiceLoader.load(SchemaMigrator.class).findFirst().orElseThrow().migrate(dataSource());
    }

    /** The SMTP server every deployment of this run sends e-mail to. */
    public static GreenMail mail() {
        return mail;
    }

    /** The fake Telegram Bot API every deployment of this run talks to. */
    public static FakeTelegram telegram() {
        return telegram;
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = null;
        }
        if (telegram != null) {
            telegram.close();
            telegram = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    /** A plain data source of the test database, for tests that look at SQL directly. */
    public static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getProperty("roster.db.url"));
        ds.setUser(System.getProperty("roster.db.user"));
        ds.setPassword(System.getProperty("roster.db.password"));
        return ds;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
