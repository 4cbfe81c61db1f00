package io.roster.impl.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCodesTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void codesAreTwelveUnambiguousCharactersAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String c = LinkCodes.generate();
            assertEquals(12, c.length());
            assertTrue(LinkCodes.plausible(c));
            assertFalse(c.contains("0") || c.contains("O") || c.contains("1") || c.contains("I"), c);
            seen.add(c);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void theHashIgnoresCaseAndSurroundingSpaceButIsNotTheCode() {
        String c = LinkCodes.generate();
        assertEquals(LinkCodes.hash(c), LinkCodes.hash(" " + c.toLowerCase() + " "));
        assertNotEquals(c, LinkCodes.hash(c));
        assertEquals(64, LinkCodes.hash(c).length());
    }

    @Test
    void aCodeLinksOnceAndOnlyBeforeItExpires() {
        assertTrue(LinkCodes.usable(NOW.plusSeconds(1), null, NOW));
        assertFalse(LinkCodes.usable(NOW, null, NOW));
        assertFalse(LinkCodes.usable(NOW.minusSeconds(1), null, NOW));
        assertFalse(LinkCodes.usable(NOW.plusSeconds(3600), NOW.minusSeconds(5), NOW));
    }

    @Test
    void otherTextIsNotLookedUp() {
        assertFalse(LinkCodes.plausible("ABC"));
        assertFalse(LinkCodes.plausible("ABCDEFGHIJK0"));
        assertFalse(LinkCodes.plausible("ЖЖЖЖЖЖЖЖЖЖЖЖ"));
        assertFalse(LinkCodes.plausible(null));
    }
}
