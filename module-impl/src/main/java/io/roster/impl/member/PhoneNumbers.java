package io.roster.impl.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/** Parses, normalises and masks phone numbers; national formats are read in the configured default region. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 15;
    private static final int VISIBLE_DIGITS = 4;

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 code such as {@code RU} or {@code UA}, used for numbers written
     *     without a country code
     * @throws IllegalArgumentException when libphonenumber does not know the region, so a misconfiguration fails at
     *     start-up rather than as every national number being refused
     */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Unsupported default phone region: " + defaultRegion);
        }
        this.defaultRegion = region;
    }

    /** The region national numbers are read in. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The number in E.164, e.g. {@code +79131234567}.
     *
     * <p>Only {@code isPossibleNumber} (a plausible length for the country) is required, not
     * {@code isValidNumber}: the latter depends on libphonenumber's knowledge of allocated ranges, which lags behind
     * operators and renumbering, and refusing a member's real number does more harm than storing one nobody has
     * checked. Letters are refused because E.164 cannot keep an extension and vanity letters would be silently
     * turned into digits, so the stored number would differ from the one typed.
     *
     * @return the E.164 form, or empty when the text is not a possible phone number
     */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.codePoints().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), defaultRegion);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (number.hasExtension() || !UTIL.isPossibleNumber(number)) {
            return Optional.empty();
        }
        return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    }

    /**
     * Whether search text should be treated as a phone number rather than a name: only digits, spaces and
     * {@code + ( ) - .}, with 5 to 15 digits.
     */
    public static boolean looksLikePhone(String text) {
        if (text == null) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && "+()-.".indexOf(c) < 0) {
                return false;
            }
        }
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
    }

    /**
     * The number with all but the country code and the last four digits hidden, e.g. {@code +7 *** ***-45-67} for
     * {@code +79131234567} or {@code +380 *** **-45-67} for {@code +380441234567}: enough to tell numbers apart in
     * a list without disclosing them. Numbers of four digits or fewer are hidden entirely.
     *
     * @return the masked number, or {@code null} for {@code null}
     */
    public String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        String digits = e164.replaceAll("[^0-9]", "");
        String prefix = "";
        String national = digits;
        int countryCode = countryCode(e164);
        if (countryCode > 0 && digits.startsWith(Integer.toString(countryCode))) {
            prefix = "+" + countryCode + " ";
            national = digits.substring(Integer.toString(countryCode).length());
        }
        if (national.length() <= VISIBLE_DIGITS) {
            return prefix + "*".repeat(Math.max(national.length(), 1));
        }
        StringBuilder masked = new StringBuilder(prefix);
        int hidden = national.length() - VISIBLE_DIGITS;
        for (int i = 0; i < hidden; i++) {
            if (i > 0 && i % 3 == 0) {
                masked.append(' ');
            }
            masked.append('*');
        }
        String last = national.substring(hidden);
        return masked.append('-')
                .append(last, 0, 2)
                .append('-')
                .append(last, 2, 4)
                .toString();
    }

    private static int countryCode(String e164) {
        if (!e164.strip().startsWith("+")) {
            return 0;
        }
        try {
            return UTIL.parse(e164.strip(), "ZZ").getCountryCode();
        } catch (NumberParseException e) {
            return 0;
        }
    }
}
