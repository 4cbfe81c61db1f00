package io.roster.api.member;

import io.roster.api.common.Language;
import java.util.StringJoiner;

/** How a person's name is shown in each language. */
public final class MemberNames {
    private MemberNames() {}

    /**
     * The display name: in Russian and Ukrainian "Family Given Patronymic" (Сутягин Иван Петрович), in English
     * "Given Family" (Ivan Sutyagin). Missing parts are left out.
     */
    public static String display(String givenName, String patronymic, String familyName, Language language) {
        StringJoiner joiner = new StringJoiner(" ");
        if (language == Language.EN) {
            add(joiner, givenName);
            add(joiner, familyName);
        } else {
            add(joiner, familyName);
            add(joiner, givenName);
            add(joiner, patronymic);
        }
        return joiner.toString();
    }

    private static void add(StringJoiner joiner, String part) {
        if (part != null && !part.isBlank()) {
            joiner.add(part.strip());
        }
    }
}
