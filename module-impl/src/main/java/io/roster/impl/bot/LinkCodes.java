package io.roster.impl.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Link codes: 12 characters from an alphabet without look-alikes (60 bits, and the per-chat rate limit in front of
 * guessing), valid once and until they expire. Only the SHA-256 of the code is stored.
 */
public final class LinkCodes {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {}

    /** A new random code. */
    public static String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The stored form: SHA-256 hex of the code as typed, trimmed and upper-cased (a member may type it in lower case). */
    public static String hash(String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether text could be a code at all (so nothing else is looked up). */
    public static boolean plausible(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        if (t.length() != LENGTH) {
            return false;
        }
        String upper = t.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            if (ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a stored code still links: not used, and {@code now} is before its expiry. */
    public static boolean usable(Instant expiresAt, Instant usedAt, Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
