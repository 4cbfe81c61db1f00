package io.roster.impl.member;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of e-mail addresses.
 *
 * <p>The syntax accepted is the practical one mail providers hand out, not the full RFC 5322 grammar: quoted local
 * parts, comments and IP-literal domains are refused because people do not type them and they complicate matching.
 * Local parts may use any script (RFC 6531). Internationalised domains are validated in their ASCII form and stored
 * in lower-case Unicode, as people write them, so that one domain has one spelling and Cyrillic round-trips.
 */
public final class EmailAddresses {

    /** Limits are in UTF-8 octets, as SMTP counts them. */
    private static final int MAX_LOCAL_OCTETS = 64;

    private static final int MAX_TOTAL_OCTETS = 254;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private EmailAddresses() {}

    /**
     * The address in stored form: trimmed, the domain in lower case (Unicode, as people write it), the local part as typed
     * (some servers treat it case-sensitively, so it is not changed).
     *
     * @return the normalised address, or empty when it is not a valid address
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = raw.strip();
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        if (!isValidLocalPart(local)) {
            return Optional.empty();
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!isValidDomain(domain)) {
            return Optional.empty();
        }
        if (octets(local + "@" + domain) > MAX_TOTAL_OCTETS) {
            return Optional.empty();
        }
        // Validated in ASCII form, stored as people write it: a Cyrillic domain stays Cyrillic (in lower case).
        return Optional.of(local + "@" + IDN.toUnicode(domain).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether search text should be treated as an e-mail address rather than a name: after trimming, exactly one
     * {@code @} with something on each side and no whitespace.
     */
    public static boolean looksLikeEmail(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        return s.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static boolean isValidLocalPart(String local) {
        if (octets(local) > MAX_LOCAL_OCTETS || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(EmailAddresses::isLocalPartChar);
    }

    private static boolean isLocalPartChar(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || LOCAL_SPECIALS.indexOf(c) >= 0;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isValidDomain(String domain) {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH || !LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // An all-numeric top-level label means an IP address, which is not a mailbox anyone hands out.
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
