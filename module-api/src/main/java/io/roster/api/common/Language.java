package io.roster.api.common;

import java.util.Locale;

/** The languages Roster speaks to people in. */
public enum Language {
    RU,
    UK,
    EN;

    /** The ISO 639-1 code, lower case ({@code ru}, {@code uk}, {@code en}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language for a code or language tag such as {@code uk-UA}; {@code null} when Roster does not speak it.
     */
    public static Language fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        for (Language l : values()) {
            if (l.code().equals(primary)) {
                return l;
            }
        }
        return null;
    }
}
