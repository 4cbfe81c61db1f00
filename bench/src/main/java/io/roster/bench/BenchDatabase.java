package io.roster.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL a data set lives in: the same embedded server and settings as Roster's zero-install one, laid out
 * as a Roster data directory ({@code <dir>/pg}, {@code <dir>/pg-bin}) so that the packaged server can also start on
 * it in embedded mode (the start-up measurement does that).
 */
public final class BenchDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on the data set directory (creating the cluster when there is none). */
    public static BenchDatabase start(Path dataSetDir) throws IOException {
        Path data = dataSetDir.resolve("pg").toAbsolutePath();
        Path binaries = dataSetDir.resolve("pg-bin").toAbsolutePath();
        Files.createDirectories(binaries);
        stopOrphan(data);
        trustLoopback(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                // Roster's embedded settings (EmbeddedDatabase), so figures hold for the zero-install product
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        return new BenchDatabase(pg);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * Roster's zero-install mode (the start-up measurement runs it on the data set) gives the embedded server a
     * password and makes every connection use it (SCRAM). The benchmark's own connections, pgbench's and those of the
     * server in external mode connect without one: a data set under {@code bench/target} is a throwaway copy listening
     * on loopback only, so the benchmark trusts loopback again before it starts the server itself.
     */
    static void trustLoopback(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (Files.exists(hba)) {
            Files.writeString(
                    hba,
                    "# Written by the benchmark: a throwaway data set, loopback only\n"
                            + "local all all trust\n"
                            + "host all all 127.0.0.1/32 trust\n"
                            + "host all all ::1/128 trust\n",
                    StandardCharsets.UTF_8);
        }
    }

    /** A postmaster left by a killed earlier run holds the data directory: stop it by its pid. */
    static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (RuntimeException e) {
            process = Optional.empty();
        }
        boolean isPostgres = process.flatMap(p -> p.info().command())
                .map(c -> c.endsWith("postgres"))
                .orElse(false);
        if (isPostgres) {
            ProcessHandle p = process.get();
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
