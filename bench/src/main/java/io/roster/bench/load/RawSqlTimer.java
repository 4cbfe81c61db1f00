package io.roster.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Runs a scenario's raw SQL over JDBC with the same number of connections as the HTTP load, for a fixed time, and
 * records every call's latency in an HdrHistogram. Bounded in time and, as a guard, in calls.
 */
public final class RawSqlTimer {
    private static final long MAX_CALLS_PER_CONNECTION = 10_000_000;

    private RawSqlTimer() {}

    /**
     * @param seconds how long to measure, after a warm-up of a fifth of it
     * @param maxCalls stop each connection after this many calls (tests use a handful)
     */
    public static Measurement measure(
            String url, String user, String password, RawQuery query, int connections, double seconds, long maxCalls)
            throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.2e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        long limit = Math.min(maxCalls, MAX_CALLS_PER_CONNECTION);
        boolean counted = maxCalls < Long.MAX_VALUE;
        long measuredFrom = counted ? System.nanoTime() : warmupEnd;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(31L * thread + 7);
                    try (Connection c = DriverManager.getConnection(url, user, password)) {
                        for (long i = 0; i < limit; i++) {
                            long start = System.nanoTime();
                            if (start >= end) {
                                break;
                            }
                            try {
                                query.run(c, r);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            long done = System.nanoTime();
                            if (counted || start >= warmupEnd) {
                                recorder.recordValue(Math.max(1, (done - start) / 1000));
                                calls.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get((long) (seconds * 2 + 60), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = ((counted ? System.nanoTime() : Math.min(System.nanoTime(), end)) - measuredFrom) / 1e9;
        var h = recorder.getIntervalHistogram();
        return new Measurement(
                calls.get(),
                Math.max(elapsed, 1e-3),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                errors.get());
    }
}
