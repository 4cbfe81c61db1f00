package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void dataAndBinariesLiveUnderTheDataDirectoryAndSurviveARestart(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            exec(db, "create table kept (name text)", "insert into kept values ('Сутягин Ёлкин Їжакевич')");
        }
        assertTrue(Files.exists(dir.resolve("pg").resolve("PG_VERSION")), "data directory under roster.data-dir");
        assertTrue(Files.isDirectory(dir.resolve("pg-bin")), "binaries unpacked under roster.data-dir");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertEquals("Сутягин Ёлкин Їжакевич", query(db, "select name from kept"));
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheDataKept(@TempDir Path dir) throws Exception {
        // A real kill -9: a child JVM starts the database, writes a row, and is killed with SIGKILL.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // wait for the child to have written its row
        }
        assertEquals("READY", line, "the child JVM did not get the database up");
        child.destroyForcibly().waitFor();
        long orphanPid = Long.parseLong(
                Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).strip());
        assertTrue(
                ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "postmaster outlived its JVM");

        Instant started = Instant.now();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            Duration took = Duration.between(started, Instant.now());
            assertTrue(took.toSeconds() < 30, "recovery took " + took);
            assertEquals("42", query(db, "select n from kept"));
            assertTrue(ProcessHandle.of(orphanPid).map(p -> !p.isAlive()).orElse(true), "the orphan was stopped");
        }
    }

    /** The child JVM of the kill -9 test. */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
            exec(db, "create table kept (n int)", "insert into kept values (42)");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aStalePidFileOfADeadServerDoesNotBlockTheStart(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            exec(db, "create table kept (n int)");
        }
        // A pid that is certainly not a postgres process (this JVM's parent is a shell or Maven).
        Files.writeString(dir.resolve("pg/postmaster.pid"), "999999\n" + dir.resolve("pg") + "\n");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertEquals("0", query(db, "select count(*) from kept"));
        }
    }

    @Test
    void connectionsNeedThePasswordKeptOnlyForTheOwner(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            Path file = dir.resolve("pg-password");
            assertEquals(db.password(), Files.readString(file).strip());
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "guess"));
            assertEquals("28P01", refused.getSQLState(), "invalid password");
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", ""));
            exec(db, "select 1");
        }
    }

    private static void exec(EmbeddedDatabase db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
