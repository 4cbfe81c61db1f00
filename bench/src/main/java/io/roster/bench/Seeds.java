package io.roster.bench;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Everything random in a data set derives from its seed through here, per table and row, so that a row can be
 * regenerated on its own (each table is written in its own pass) and the same seed always gives the same rows.
 */
public final class Seeds {
    private Seeds() {}

    /** A random source for one row of one stream (a table or a concern such as "member"). */
    public static SplittableRandom random(long seed, String stream, long row) {
        return new SplittableRandom(mix(seed, stream, row));
    }

    /**
     * A UUIDv7-shaped id: the time bits carry the row's creation time, as the service's ids do, so the btree
     * layout matches production; the rest is derived from seed, stream and row, so ids are stable per seed.
     */
    public static UUID uuid(long seed, String stream, long row, long epochMillis) {
        long bits = mix(seed, stream, row);
        long msb = (epochMillis << 16) | 0x7000L | (bits >>> 52);
        long lsb = (mix(bits, stream, ~row) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    static long mix(long seed, String stream, long row) {
        long h = splitmix(seed ^ 0x9E3779B97F4A7C15L);
        h = splitmix(h ^ stream.hashCode());
        return splitmix(h ^ row);
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
