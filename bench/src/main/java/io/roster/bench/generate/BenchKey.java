package io.roster.bench.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The admin API key the load runs with. Its secret is derived from the seed (it guards a throw-away benchmark
 * database on loopback, nothing else), so a reused data set keeps working with the same key.
 */
public record BenchKey(UUID id, String secret) {

    public static BenchKey forSeed(long seed) {
        String secret = "rst_bench_" + HexFormat.of().toHexDigits(seed) + "_load";
        return new BenchKey(new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L | (seed & 0xFFFF_FFFFL)), secret);
    }

    /** What Roster stores: the SHA-256 of the secret. */
    public byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How Roster names the caller in {@code recorded_by} / {@code changed_by}. */
    public String callerId() {
        return id.toString();
    }
}
