package io.roster.web.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The zero-install PostgreSQL: a real server from the embedded binaries, its data kept under the data directory
 * ({@code <data-dir>/pg}) and its binaries unpacked beside it ({@code <data-dir>/pg-bin}) rather than in /tmp.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final String HBA = "# Written by Roster: every connection needs the password in ../pg-password\n"
            + "local all all scram-sha-256\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts the server, first stopping a postmaster that a killed earlier run left behind on the same data.
     *
     * @param rosterDataDir the {@code roster.data-dir}
     * @param port the port, or 0 for any free one
     */
    public static EmbeddedDatabase start(Path rosterDataDir, int port) throws IOException {
        Path data = rosterDataDir.resolve("pg").toAbsolutePath();
        Path binaries = rosterDataDir.resolve("pg-bin").toAbsolutePath();
        Files.createDirectories(data.getParent());
        Files.createDirectories(binaries);
        stopOrphan(data, binaries);
        Path passwordFile = rosterDataDir.resolve("pg-password").toAbsolutePath();
        boolean existing = Files.exists(data.resolve("PG_VERSION"));
        boolean legacy = existing && !Files.exists(passwordFile);
        String password = password(passwordFile);
        if (legacy) {
            // A data directory from before passwords: set one while the server still trusts local connections.
            try (EmbeddedPostgres trusting = builder(data, binaries, port).start();
                    var c = trusting.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("alter role postgres password '" + password.replace("'", "''") + "'");
            } catch (java.sql.SQLException e) {
                throw new IOException("could not set the database password: " + e.getMessage(), e);
            }
        }
        EmbeddedPostgres.Builder builder = builder(data, binaries, port)
                // only read by initdb, on the first start: the superuser gets the password at birth
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        return new EmbeddedDatabase(builder.start(), data, password);
    }

    private static EmbeddedPostgres.Builder builder(Path data, Path binaries, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "100")
                // the zonky default (off) trades durability for speed; a product must not lose commits
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** The password of the embedded server: made once, kept readable by the owner only. */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the data directory's own permissions protect it
        }
        return password;
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JDBC URL of the {@code postgres} database, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The user to connect as. */
    public String user() {
        return "postgres";
    }

    /** The password to connect with. */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server cleanly (a fast shutdown: open transactions roll back, data is flushed). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * After {@code kill -9} of the JVM the postmaster survives and holds the data directory. If the pid file names a
     * live postgres process, stop it with pg_ctl (or SIGTERM, then SIGKILL), so the next start neither hangs nor
     * fails on the lock.
     */
    static void stopOrphan(Path data, Path binaries) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean isPostgres = process.flatMap(p -> p.info().command())
                .map(c -> c.endsWith("postgres") || c.endsWith("postmaster"))
                .orElse(false);
        boolean commandKnown = process.flatMap(p -> p.info().command()).isPresent();
        if (process.isEmpty() || (commandKnown && !isPostgres)) {
            // A stale file of a dead server, or a pid reused by another program: PostgreSQL would refuse to start.
            Files.deleteIfExists(pidFile);
            return;
        }
        System.err.println("Roster: stopping a PostgreSQL server (pid " + pid + ") left running by an earlier run");
        Optional<Path> pgCtl = findPgCtl(binaries);
        if (pgCtl.isPresent()) {
            try {
                Process stop = new ProcessBuilder(
                                pgCtl.get().toString(), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "20")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                stop.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // fall through to signals
            }
        }
        ProcessHandle p = process.get();
        if (p.isAlive()) {
            p.destroy();
            waitFor(p, 20);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            waitFor(p, 10);
        }
        if (p.isAlive()) {
            throw new IOException("a PostgreSQL server (pid " + pid + ") still holds " + data + " and did not stop");
        }
        Files.deleteIfExists(pidFile);
    }

    private static void waitFor(ProcessHandle p, int seconds) {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            // checked by the caller through isAlive()
        }
    }

    private static Optional<Path> findPgCtl(Path binaries) throws IOException {
        try (Stream<Path> files = Files.walk(binaries, 4)) {
            return files.filter(f -> f.getFileName().toString().equals("pg_ctl") && Files.isExecutable(f))
                    .findFirst();
        }
    }
}
