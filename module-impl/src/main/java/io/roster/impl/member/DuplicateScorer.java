package io.roster.impl.member;

import io.roster.api.common.Language;
import io.roster.api.member.DuplicateCandidate;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Decides whether a new profile may describe the same person as an existing member, and how likely that is. */
public final class DuplicateScorer {

    public static final String REASON_PHONE = "phone";
    public static final String REASON_EMAIL = "email";
    public static final String REASON_NAME_AND_BIRTH_DATE = "name-and-birth-date";

    /**
     * A shared contact point is strong evidence but not proof: family members share landlines and mailboxes, so it
     * stays below an exact name-and-birth-date match.
     */
    static final double CONTACT_SCORE = 0.9;

    /** Below this, two names with the same birth date are more likely two people than one person's typos. */
    static final double NAME_THRESHOLD = 0.7;

    /**
     * What the scorer needs to know about an existing member.
     *
     * @param phonesE164 its phone numbers in E.164
     * @param emailsNormalized its e-mail addresses as {@link EmailAddresses#normalize} returns them
     */
    public record CandidateData(
            String memberId,
            String givenName,
            String patronymic,
            String familyName,
            LocalDate birthDate,
            Set<String> phonesE164,
            Set<String> emailsNormalized) {}

    private DuplicateScorer() {}

    /**
     * Scores one existing member against a new profile.
     *
     * @param draftPhonesE164 the draft's phone numbers in E.164 (the draft's own may be in any format)
     * @param draftEmailsNormalized the draft's e-mail addresses, normalised
     * @return a candidate with every reason that applies and the strongest reason's score, or empty when nothing
     *     suggests the same person
     */
    public static Optional<DuplicateCandidate> score(
            MemberDraft draft, Set<String> draftPhonesE164, Set<String> draftEmailsNormalized, CandidateData existing) {
        List<String> reasons = new ArrayList<>(3);
        double score = 0.0;

        if (!Collections.disjoint(cleaned(draftPhonesE164, false), cleaned(existing.phonesE164(), false))) {
            reasons.add(REASON_PHONE);
            score = Math.max(score, CONTACT_SCORE);
        }
        // Mailbox names are case-insensitive in practice even though the standard allows otherwise.
        if (!Collections.disjoint(cleaned(draftEmailsNormalized, true), cleaned(existing.emailsNormalized(), true))) {
            reasons.add(REASON_EMAIL);
            score = Math.max(score, CONTACT_SCORE);
        }
        if (draft.birthDate() != null && draft.birthDate().equals(existing.birthDate())) {
            double names = similarity(
                    join(draft.familyName(), draft.givenName()), join(existing.familyName(), existing.givenName()));
            if (names >= NAME_THRESHOLD && compatiblePatronymics(draft.patronymic(), existing.patronymic())) {
                reasons.add(REASON_NAME_AND_BIRTH_DATE);
                score = Math.max(score, names);
            }
        }

        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String displayName =
                MemberNames.display(existing.givenName(), existing.patronymic(), existing.familyName(), Language.RU);
        return Optional.of(
                new DuplicateCandidate(existing.memberId(), displayName, List.copyOf(reasons), Math.min(1.0, score)));
    }

    /**
     * The pg_trgm {@code similarity} of two names after {@link NameKeys} normalisation: shared trigrams over all
     * distinct trigrams, where each word is padded with two spaces in front and one behind. Cyrillic text has a
     * Russian and a Ukrainian reading; the best-matching pair of readings counts.
     *
     * @return 0 (nothing shared, or either side empty) to 1 (same key)
     */
    public static double similarity(String a, String b) {
        double best = 0.0;
        for (String keyA : NameKeys.queryKeys(a)) {
            Set<String> trigramsA = trigrams(keyA);
            for (String keyB : NameKeys.queryKeys(b)) {
                best = Math.max(best, jaccard(trigramsA, trigrams(keyB)));
            }
        }
        return best;
    }

    private static boolean compatiblePatronymics(String a, String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            return true;
        }
        return !Collections.disjoint(NameKeys.queryKeys(a), NameKeys.queryKeys(b));
    }

    private static Set<String> trigrams(String key) {
        Set<String> trigrams = new HashSet<>();
        for (String word : key.split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                trigrams.add(padded.substring(i, i + 3));
            }
        }
        return trigrams;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        int shared = 0;
        for (String t : a) {
            if (b.contains(t)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    private static String join(String family, String given) {
        return (family == null ? "" : family) + " " + (given == null ? "" : given);
    }

    /** A copy without nulls, so that {@code contains(null)} on an immutable set cannot throw. */
    private static Set<String> cleaned(Set<String> values, boolean lowerCase) {
        Set<String> copy = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    copy.add(lowerCase ? value.toLowerCase(Locale.ROOT) : value);
                }
            }
        }
        return copy;
    }
}
