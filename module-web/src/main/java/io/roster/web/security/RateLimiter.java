package io.roster.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per API key, as a token bucket per key on this instance: {@code roster.rate-limit.per-minute} requests a
 * minute on average, bursts up to {@code roster.rate-limit.burst}. Behind several instances the effective limit is
 * the sum; the limit is there to stop a runaway integration, not to meter.
 */
@ApplicationScoped
public class RateLimiter {
    @ConfigProperty(name = "roster.rate-limit.per-minute", defaultValue = "1200")
    long perMinute;

    @ConfigProperty(name = "roster.rate-limit.burst", defaultValue = "200")
    long burst;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /**
     * Takes one request from a key's allowance.
     *
     * @return empty when allowed; otherwise the seconds to wait before the next request would be
     */
    public OptionalLong acquire(String keyId) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        long now = System.nanoTime();
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(burst, now));
        synchronized (b) {
            double perNano = perMinute / 60e9;
            b.tokens = Math.min(burst, b.tokens + (now - b.refilledAt) * perNano);
            b.refilledAt = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return OptionalLong.empty();
            }
            double wait = (1 - b.tokens) / perNano / 1e9;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(wait)));
        }
    }
}
