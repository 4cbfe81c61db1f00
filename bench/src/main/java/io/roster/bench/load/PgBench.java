package io.roster.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench against the benchmark's own server, in a database of its own ({@code pgbench}), so the select-only TPS
 * is measured on exactly the PostgreSQL Roster used. The embedded binaries carry no pgbench; Debian's
 * (postgresql-15) is protocol-compatible with the newer server.
 */
public final class PgBench {
    static final String DATABASE = "pgbench";
    /** 1M accounts: bigger than any cache line trick, still in shared buffers + page cache like Roster's data. */
    static final int SCALE = 10;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final String executable;
    private final int port;
    private final Path workDir;

    public PgBench(String executable, int port, Path workDir) {
        this.executable = executable;
        this.port = port;
        this.workDir = workDir;
    }

    /** Creates and fills the pgbench tables once per data set. */
    public void initialiseIfMissing(boolean exists) throws IOException, InterruptedException {
        if (!exists) {
            run(List.of("-i", "-q", "-s", Integer.toString(SCALE)), 600, "pgbench-init.log");
        }
    }

    /** Select-only TPS with this many clients over this many seconds, and the average latency. */
    public double[] selectOnly(int clients, int threads, int seconds) throws IOException, InterruptedException {
        String out = run(
                List.of(
                        "-S",
                        "-n",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(threads),
                        "-T",
                        Integer.toString(seconds)),
                seconds + 60,
                "pgbench-select-only.log");
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find()) {
            throw new IOException("no tps in pgbench output:\n" + out);
        }
        return new double[] {Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0
        };
    }

    private String run(List<String> args, int timeoutSeconds, String logName) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(executable, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres"));
        command.addAll(args);
        command.add(DATABASE);
        Path log = workDir.resolve(logName);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("pgbench timed out: " + command);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("pgbench failed: " + command + "\n" + out);
        }
        return out;
    }
}
