package io.roster.impl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreVersion7WithTheRfcVariantAndCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newUuid();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis() + 1, "timestamp " + millis);
    }

    @Test
    void idsFromOneJvmStrictlyIncrease() {
        UUID previous = Ids.newUuid();
        for (int i = 0; i < 100_000; i++) {
            UUID next = Ids.newUuid();
            assertTrue(
                    Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()) > 0,
                    previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void onlyWellFormedUuidsParse() {
        UUID id = Ids.newUuid();
        assertEquals(id, Ids.parse(id.toString()).orElseThrow());
        assertTrue(Ids.parse("not-a-uuid").isEmpty());
        assertTrue(Ids.parse(null).isEmpty());
        assertTrue(Ids.parse("1-1-1-1-1").isEmpty());
    }
}
