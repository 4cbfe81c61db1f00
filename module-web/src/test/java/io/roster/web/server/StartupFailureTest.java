package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.web.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot succeed ends at once with one line that names the cause and the key to change, and a non-zero
 * exit code. Each case runs the real launcher in a child JVM.
 */
class StartupFailureTest {

    @Test
    void portInUseNamesThePortKey(@TempDir Path dataDir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Result r = launch(Map.of(
                    "ROSTER_HTTP_PORT", String.valueOf(busy.getLocalPort()), "ROSTER_DATA_DIR", dataDir.toString()));
            assertEquals(RosterMain.EXIT_PORT, r.exitCode(), r.output());
            assertTrue(r.output().contains("roster.http.port"), r.output());
            assertTrue(r.output().contains("ROSTER_HTTP_PORT"), r.output());
        }
    }

    @Test
    void unreachableDatabaseNamesTheDatabaseKeys() throws Exception {
        Result r = launch(Map.of(
                "ROSTER_HTTP_PORT",
                String.valueOf(freePort()),
                "ROSTER_DB_URL",
                "jdbc:postgresql://127.0.0.1:1/roster?connectTimeout=3"));
        assertEquals(RosterMain.EXIT_DATABASE, r.exitCode(), r.output());
        assertTrue(r.output().contains("roster.db.url"), r.output());
        assertTrue(r.output().contains("ROSTER_DB_URL"), r.output());
        assertTrue(r.output().lines().count() <= 3, "one clear message, not a stack trace: " + r.output());
    }

    @Test
    void failedMigrationNamesTheMigrationAndStops() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists broken");
            s.execute("create database broken");
        }
        String url = System.getProperty("roster.db.url").replaceAll("/postgres$", "/broken");
        var ds = TestDatabase.dataSource();
        ds.setURL(url);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            // An object in the way of the first migration, as a foreign schema in a shared database would be.
            s.execute("create table org_unit (x int)");
        }
        Result r = launch(Map.of(
                "ROSTER_HTTP_PORT",
                String.valueOf(freePort()),
                "ROSTER_DB_URL",
                url,
                "ROSTER_DB_USER",
                System.getProperty("roster.db.user"),
                "ROSTER_DB_PASSWORD",
                System.getProperty("roster.db.password")));
        assertEquals(RosterMain.EXIT_MIGRATION, r.exitCode(), r.output());
        assertTrue(r.output().contains("migration failed"), r.output());
        assertTrue(r.output().contains("roster.db.url"), r.output());
    }

    @Test
    void unknownArgumentIsAConfigurationError() throws Exception {
        Result r = launch(Map.of(), "--demo-data");
        assertEquals(RosterMain.EXIT_CONFIG, r.exitCode(), r.output());
        assertTrue(r.output().contains("--demo-data"), r.output());
    }

    record Result(int exitCode, String output) {}

    static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), RosterMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ROSTER_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not stop within 90 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
