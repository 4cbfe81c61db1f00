package io.roster.impl.bot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The confidence rule of knowledge-base matching (docs/telegram-bot.md#matching). For each question variant the
 * database supplies the lexemes of the variant and of the asked text under three text-search configurations
 * ({@code russian} and {@code english} stem, {@code simple} keeps words as written, which serves Ukrainian, for which
 * PostgreSQL has no configuration) and the trigram similarity of the two texts. A configuration's score is the Dice
 * overlap of the two lexeme sets (twice the shared lexemes over the sum of both sizes): it rewards asking all of a
 * question and nothing else. The variant's confidence is the best of the three overlaps and the trigram similarity
 * (which carries typos and word-order noise); an entry's confidence is that of its best variant.
 */
public final class KnowledgeScorer {
    /** Lexemes shorter than this (Ukrainian "як", "чи", English "a", …) are noise: stop words {@code simple} keeps. */
    static final int MIN_LEXEME = 3;

    /**
     * Question words of the three languages that {@code simple} would keep (the {@code russian} and {@code english}
     * configurations drop their own stop words): they say nothing about the topic and would make every question a
     * candidate for every other.
     */
    static final Set<String> STOP_WORDS = Set.of(
            "как",
            "что",
            "где",
            "когда",
            "какой",
            "какая",
            "какие",
            "мне",
            "можно",
            "нужно",
            "почему",
            "зачем",
            "это",
            "или",
            "для",
            "сколько",
            "чем",
            "кто",
            "есть",
            "про",
            "який",
            "яка",
            "які",
            "яке",
            "що",
            "коли",
            "мені",
            "можна",
            "треба",
            "потрібно",
            "чому",
            "навіщо",
            "або",
            "скільки",
            "хто",
            "the",
            "how",
            "what",
            "where",
            "when",
            "can",
            "does",
            "for",
            "and",
            "why",
            "who",
            "which",
            "you",
            "your");

    private KnowledgeScorer() {}

    /** The asked text's lexemes per configuration. */
    public record Query(List<String> ru, List<String> en, List<String> simple) {}

    /** One candidate variant, as the candidate query returns it. */
    public record Variant(
            UUID entryId, String text, List<String> ru, List<String> en, List<String> simple, double similarity) {}

    /** An entry's best variant and its confidence. */
    public record Scored(UUID entryId, String question, double confidence) {}

    /** Dice overlap of two lexeme sets, ignoring lexemes shorter than {@link #MIN_LEXEME}; 0 when either is empty. */
    public static double dice(Collection<String> asked, Collection<String> variant) {
        Set<String> a = significant(asked);
        Set<String> v = significant(variant);
        if (a.isEmpty() || v.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : a) {
            if (v.contains(s)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + v.size());
    }

    /** The confidence of one variant for the asked text, 0 to 1. */
    public static double confidence(Query q, Variant v) {
        double fts = Math.max(dice(q.ru(), v.ru()), Math.max(dice(q.en(), v.en()), dice(q.simple(), v.simple())));
        return clamp(Math.max(fts, v.similarity()));
    }

    /** Entries by confidence, best first (ties by entry id, so the order is stable). */
    public static List<Scored> rank(Query q, List<Variant> variants) {
        Map<UUID, Scored> best = new LinkedHashMap<>();
        for (Variant v : variants) {
            double c = confidence(q, v);
            Scored s = best.get(v.entryId());
            if (s == null || c > s.confidence()) {
                best.put(v.entryId(), new Scored(v.entryId(), v.text(), c));
            }
        }
        List<Scored> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(Scored::entryId));
        return out;
    }

    /** What to do with ranked entries. */
    public enum Decision {
        ANSWER,
        SUGGEST,
        NONE
    }

    /**
     * ANSWER when the best entry reaches {@code threshold}; SUGGEST when some reach {@code suggestionThreshold};
     * otherwise NONE.
     */
    public static Decision decide(List<Scored> ranked, double threshold, double suggestionThreshold) {
        if (ranked.isEmpty()) {
            return Decision.NONE;
        }
        double top = ranked.get(0).confidence();
        if (top >= threshold) {
            return Decision.ANSWER;
        }
        return top >= suggestionThreshold ? Decision.SUGGEST : Decision.NONE;
    }

    /** The up to three entries to offer as buttons. */
    public static List<Scored> suggestions(List<Scored> ranked, double suggestionThreshold) {
        return ranked.stream()
                .filter(s -> s.confidence() >= suggestionThreshold)
                .limit(3)
                .toList();
    }

    /**
     * The words of a text as they go into a {@code to_tsquery} OR-query: letters and digits only (so nothing the
     * user types is tsquery syntax), at least {@link #MIN_LEXEME} long, no {@link #STOP_WORDS}, at most 20.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '’') {
                if (c != '\'' && c != '’') {
                    w.append(Character.toLowerCase(c));
                }
            } else {
                String word = w.toString();
                if (w.codePointCount(0, w.length()) >= MIN_LEXEME
                        && !STOP_WORDS.contains(word)
                        && !out.contains(word)
                        && out.size() < 20) {
                    out.add(word);
                }
                w.setLength(0);
            }
        }
        return out;
    }

    private static Set<String> significant(Collection<String> lexemes) {
        Set<String> out = new HashSet<>();
        if (lexemes != null) {
            for (String s : lexemes) {
                if (s != null && s.codePointCount(0, s.length()) >= MIN_LEXEME && !STOP_WORDS.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
