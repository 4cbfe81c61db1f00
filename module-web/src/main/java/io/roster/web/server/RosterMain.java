package io.roster.web.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.roster.api.schema.SchemaMigrator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Starts Roster: checks the HTTP port, starts the embedded PostgreSQL (or checks the configured one), migrates the
 * schema, then runs the server. Every failure before serving ends with one line naming the cause and the config key
 * to change, and a non-zero exit code.
 */
@QuarkusMain
public class RosterMain {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_PORT = 3;
    static final int EXIT_DATABASE = 4;
    static final int EXIT_MIGRATION = 5;

    public static void main(String... args) {
        for (String arg : args) {
            if (arg.equals("--demo")) {
                System.setProperty("roster.demo", "true");
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: java -jar quarkus-run.jar [--demo]\n"
                        + "  --demo   fill an empty database with the demo data set (same as roster.demo=true)\n"
                        + "Configuration: see docs/configuration.md (every key also as an environment variable).");
                return;
            } else {
                fail(EXIT_CONFIG, "unknown argument '" + arg + "' (try --help)");
            }
        }
        LauncherConfig config;
        try {
            config = LauncherConfig.load();
        } catch (RuntimeException e) {
            fail(EXIT_CONFIG, "invalid configuration: " + e.getMessage());
            return;
        }
        checkPort(config);
        EmbeddedDatabase embedded = null;
        String url = config.dbUrl();
        String user = config.dbUser();
        String password = config.dbPassword();
        if (url == null) {
            try {
                embedded = EmbeddedDatabase.start(config.dataDir(), config.embeddedPort());
            } catch (IOException | RuntimeException e) {
                fail(
                        EXIT_DATABASE,
                        "could not start the embedded PostgreSQL in "
                                + config.dataDir().toAbsolutePath() + " (roster.data-dir / ROSTER_DATA_DIR): "
                                + e.getMessage());
            }
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = embedded.password();
            System.setProperty("roster.db.url", url);
            System.setProperty("roster.db.user", user);
            System.setProperty("roster.db.password", password);
        }
        checkDatabase(url, user, password, embedded == null);
        migrate(url, user, password);
        run(embedded, args);
    }

    private static void run(EmbeddedDatabase embedded, String[] args) {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<EmbeddedDatabase> db = new AtomicReference<>(embedded);
        if (embedded != null) {
            // Stop PostgreSQL after the server has drained on Ctrl-C / SIGTERM; shutdown hooks run concurrently,
            // so wait for the runtime first.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    stopped.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                closeQuietly(db.getAndSet(null));
                            },
                            "roster-embedded-postgres-stop"));
        }
        AtomicInteger exitCode = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Quarkus.run(
                null,
                (code, error) -> {
                    exitCode.set(code);
                    failure.set(error);
                },
                args);
        stopped.countDown();
        closeQuietly(db.getAndSet(null));
        if (failure.get() != null) {
            System.err.println("Roster: start failed: " + rootMessage(failure.get()));
            System.exit(exitCode.get() == 0 ? 1 : exitCode.get());
        }
        System.exit(exitCode.get());
    }

    private static void checkPort(LauncherConfig config) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.httpHost()), config.httpPort()));
        } catch (IOException e) {
            fail(
                    EXIT_PORT,
                    "port " + config.httpPort() + " on " + config.httpHost()
                            + " is already in use or not allowed; set roster.http.port (ROSTER_HTTP_PORT) to a free port");
        }
    }

    private static void checkDatabase(String url, String user, String password, boolean external) {
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.isValid(5);
        } catch (SQLException e) {
            String where = external
                    ? "roster.db.url / roster.db.user / roster.db.password (ROSTER_DB_URL, ROSTER_DB_USER,"
                            + " ROSTER_DB_PASSWORD)"
                    : "the embedded PostgreSQL in roster.data-dir";
            fail(
                    EXIT_DATABASE,
                    "cannot connect to PostgreSQL at " + redact(url) + " — check " + where + ": " + e.getMessage());
        }
    }

    private static void migrate(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        SchemaMigrator migrator = ServiceLoader.load(SchemaMigrator.class, RosterMain.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("module-impl is missing from the classpath"));
        try {
            int applied = migrator.migrate(ds);
            if (applied > 0) {
                System.out.println("Roster: applied " + applied + " database migration(s)");
            }
        } catch (RuntimeException e) {
            fail(
                    EXIT_MIGRATION,
                    e.getMessage() + " (database " + redact(url)
                            + ", roster.db.url); the schema was left as the last successful migration made it");
        }
    }

    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void closeQuietly(EmbeddedDatabase db) {
        if (db != null) {
            try {
                db.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("Roster: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static void fail(int code, String message) {
        System.err.println("Roster: " + message);
        System.exit(code);
    }
}
