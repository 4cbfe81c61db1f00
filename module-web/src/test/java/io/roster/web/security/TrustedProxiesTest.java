package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    @Test
    void addressesAndBlocksMatchOnlyTheirOwn() {
        TrustedProxies p = TrustedProxies.parse(List.of("10.1.2.3", "192.168.0.0/16", "fd00::/8"));
        assertTrue(p.contains("10.1.2.3"));
        assertFalse(p.contains("10.1.2.4"));
        assertTrue(p.contains("192.168.44.7"));
        assertFalse(p.contains("192.169.0.1"));
        assertTrue(p.contains("fd12:3456::1"));
        assertFalse(p.contains("fe80::1"));
        assertFalse(p.contains("127.0.0.1"));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("proxy.internal")));
        TrustedProxies p = TrustedProxies.parse(List.of("127.0.0.1"));
        assertFalse(p.contains("localhost"));
        assertFalse(p.contains(null));
    }

    @Test
    void malformedBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/x")));
        assertTrue(TrustedProxies.parse(List.of(" ", "")).isEmpty());
    }
}
