package io.roster.impl.common;

/** Small checks on text that people type. */
public final class Texts {
    private Texts() {}

    /** The stripped text, or {@code null} when blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Whether the text contains a control character (tabs and newlines included). */
    public static boolean hasControl(String s) {
        return s != null && s.chars().anyMatch(Character::isISOControl);
    }
}
