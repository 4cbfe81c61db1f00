package io.roster.impl.common;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDv7 ids (RFC 9562): time-ordered, so new rows land at the right edge of btree indexes. Within one millisecond
 * the random part is replaced by a counter to keep ids from one JVM strictly increasing.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    /** A new UUIDv7. */
    public static UUID newUuid() {
        long millis = System.currentTimeMillis();
        long seq;
        long state;
        long next;
        do {
            state = LAST.get();
            long lastMillis = state >>> 12;
            if (millis > lastMillis) {
                next = (millis << 12) | (RANDOM.nextInt(1 << 11));
            } else {
                next = state + 1;
            }
        } while (!LAST.compareAndSet(state, next));
        long ts = next >>> 12;
        seq = next & 0xFFF;
        long msb = (ts << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The UUID a client's id string stands for, or empty when it is not a UUID (such an id cannot exist). */
    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
