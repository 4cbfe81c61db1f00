package io.roster.bench.load;

/**
 * Throughput and latency of one measured run (wrk over HTTP, or the raw SQL over JDBC).
 *
 * @param errors requests that failed: connection errors, timeouts and non-2xx/3xx answers
 */
public record Measurement(long requests, double seconds, double p50Ms, double p95Ms, double p99Ms, long errors) {
    public double rps() {
        return seconds == 0 ? 0 : requests / seconds;
    }
}
