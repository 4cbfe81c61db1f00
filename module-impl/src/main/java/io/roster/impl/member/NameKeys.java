package io.roster.impl.member;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Script- and spelling-insensitive keys for member names.
 *
 * <p>People search for "Сутягин" as "Sutyagin", "Sutiagin" or "Sutjagin", and for the Ukrainian "Григорій" as
 * "Hryhorii" or the Russian-style "Grigoriy". A trigram index cannot bridge scripts or romanisation systems, so
 * every name is turned into Latin letters and then folded until the usual romanisations of one Cyrillic spelling
 * coincide. The same pipeline runs over stored names ({@link #searchKey}) and search text ({@link #queryKeys}), so
 * the folding may be lossy as long as it is applied identically to both.
 *
 * <p>Pipeline: strip, NFKC, lower case; Cyrillic is transliterated twice, once reading it as Russian and once as
 * Ukrainian (BGN/PCGN), because the two differ on the letters people disagree about most (г is g or h, и is i or
 * y, е is ye or e); then Latin-ASCII; then {@link #fold folding}.
 */
public final class NameKeys {

    /**
     * Russian first, so that letters only Ukrainian has (і, ї, є, ґ) are still transliterated by the second step;
     * Any-Latin catches other scripts (Belarusian ў, Greek, Georgian) so they are not silently dropped.
     */
    private static final String RUSSIAN_READING =
            "Russian-Latin/BGN; Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Any-Lower";

    /** Ukrainian first; Russian then handles the letters Ukrainian lacks (ё, ы, э, ъ). */
    private static final String UKRAINIAN_READING =
            "Ukrainian-Latin/BGN; Russian-Latin/BGN; Any-Latin; Latin-ASCII; Any-Lower";

    // ICU transliterators keep per-call state and must not be shared between threads.
    private static final ThreadLocal<Transliterator> RUSSIAN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(RUSSIAN_READING));
    private static final ThreadLocal<Transliterator> UKRAINIAN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(UKRAINIAN_READING));

    /** Separates the variants of one stored key; pg_trgm treats it as a word break, like a space. */
    public static final String VARIANT_SEPARATOR = " | ";

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern APOSTROPHES = Pattern.compile("['\"`\\u00b4\\u02b9\\u02ba\\u02bc\\u2018\\u2019]");
    private static final Pattern NOT_KEY_CHAR = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DOUBLED_LETTER = Pattern.compile("([a-z])\\1+");
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    /**
     * Multi-letter folds, in order. Longer sequences come first so that, for example, the "ch" inside "shch" is not
     * consumed by another rule.
     */
    private static final String[][] DIGRAPHS = {
        {"shch", "sh"}, // щ: Shcherbakov, Scherbakov, Sherbakov
        {"szcz", "sh"}, // Polish spellings of Ukrainian names: Szczerbak, Szewczenko, Kowalczuk
        {"sch", "sh"},
        {"sz", "sh"},
        {"cz", "ch"},
        {"tch", "ch"}, // Tchaikovsky
        {"kh", "h"}, // х: Khmelnytskyi, Hmelnitsky; also meets Ukrainian г = h
        {"tz", "c"}, // ц: Tzoi, Tsoi
        {"ts", "c"},
    };

    private NameKeys() {}

    /**
     * The text to store for trigram search over a member's name: each distinct romanisation of "family given
     * patronymic", separated by {@value #VARIANT_SEPARATOR}. At most two variants, and one for names without
     * Cyrillic letters.
     *
     * @return the key; empty, never {@code null}, when there is no name
     */
    public static String searchKey(String givenName, String patronymic, String familyName) {
        List<String> parts = new ArrayList<>(3);
        for (String part : new String[] {familyName, givenName, patronymic}) {
            String prepared = prepare(part);
            if (!prepared.isEmpty()) {
                parts.add(prepared);
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(phrase(parts, RUSSIAN.get()));
        if (parts.stream().anyMatch(NameKeys::hasCyrillic)) {
            variants.add(phrase(parts, UKRAINIAN.get()));
        }
        variants.remove("");
        return String.join(VARIANT_SEPARATOR, variants);
    }

    /**
     * The normalised forms of a user's search text: one for Latin text, up to two (Russian and Ukrainian reading)
     * for Cyrillic text.
     *
     * @return distinct non-empty keys; empty when nothing searchable remains
     */
    public static List<String> queryKeys(String query) {
        String prepared = prepare(query);
        if (prepared.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(fold(RUSSIAN.get().transliterate(prepared)));
        if (hasCyrillic(prepared)) {
            keys.add(fold(UKRAINIAN.get().transliterate(prepared)));
        }
        keys.remove("");
        return List.copyOf(keys);
    }

    /**
     * The key to order members by name in their own script: "family given patronymic", NFKC, lower case,
     * whitespace collapsed.
     *
     * @return the key; empty, never {@code null}, when there is no name
     */
    public static String sortKey(String familyName, String givenName, String patronymic) {
        StringJoiner joiner = new StringJoiner(" ");
        for (String part : new String[] {familyName, givenName, patronymic}) {
            String prepared = prepare(part);
            if (!prepared.isEmpty()) {
                joiner.add(prepared);
            }
        }
        return joiner.toString();
    }

    /**
     * Folds romanised, lower-case text so that common romanisations of one name converge: apostrophes (soft and
     * hard signs, the Ukrainian apostrophe) vanish, other non-alphanumerics become single spaces, x becomes ks, w
     * becomes v, j and y become i, the digraphs in {@link #DIGRAPHS} shrink, doubled letters collapse (so
     * Yuliya/Iuliia/Julia and Grigoriy/Grigory meet), ie becomes e (so Yevgeny and Evgeny, or the Russian and
     * Ukrainian readings of a leading е, meet) and io becomes e (ё is romanised as yo by people but as e by BGN, and
     * is often written as е anyway: Fyodor, Fedor and Фёдор meet). Applied until nothing changes, so folding a key
     * again keeps it.
     */
    static String fold(String romanised) {
        String previous;
        String current = romanised.toLowerCase(Locale.ROOT);
        int rounds = 0;
        do {
            previous = current;
            current = foldOnce(current);
        } while (!current.equals(previous) && ++rounds < 5);
        return current;
    }

    private static String foldOnce(String text) {
        String s = APOSTROPHES.matcher(text).replaceAll("");
        s = NOT_KEY_CHAR.matcher(s).replaceAll(" ").strip();
        s = s.replace("x", "ks").replace('w', 'v').replace('j', 'i').replace('y', 'i');
        for (String[] digraph : DIGRAPHS) {
            s = s.replace(digraph[0], digraph[1]);
        }
        s = DOUBLED_LETTER.matcher(s).replaceAll("$1");
        s = s.replace("ie", "e").replace("io", "e");
        return DOUBLED_LETTER.matcher(s).replaceAll("$1");
    }

    private static String phrase(List<String> parts, Transliterator transliterator) {
        StringJoiner joiner = new StringJoiner(" ");
        for (String part : parts) {
            String folded = fold(transliterator.transliterate(part));
            if (!folded.isEmpty()) {
                joiner.add(folded);
            }
        }
        return joiner.toString();
    }

    /** Strip, NFKC, lower case and collapse whitespace; {@code null} becomes empty. */
    private static String prepare(String text) {
        if (text == null) {
            return "";
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(normalised).replaceAll(" ").strip();
    }

    private static boolean hasCyrillic(String text) {
        return CYRILLIC.matcher(text).find();
    }
}
