package io.roster.impl.member;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Java rendering of pg_trgm's {@code similarity} and {@code word_similarity}, so that tests can show what the
 * database will compute on the keys without starting PostgreSQL. Words are runs of letters and digits, each padded
 * with two spaces in front and one behind; word similarity follows the extent search of
 * {@code iterate_word_similarity} in {@code contrib/pg_trgm/trgm_op.c}.
 */
final class PgTrgm {

    private PgTrgm() {}

    static double similarity(String a, String b) {
        Set<String> ta = new HashSet<>(trigrams(a));
        Set<String> tb = new HashSet<>(trigrams(b));
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0.0;
        }
        int shared = 0;
        for (String t : ta) {
            if (tb.contains(t)) {
                shared++;
            }
        }
        return calc(shared, ta.size(), tb.size());
    }

    /** {@code word_similarity(query, text)}: how well the query matches the best stretch of the text. */
    static double wordSimilarity(String query, String text) {
        List<String> trg1 = trigrams(query);
        List<String> trg2 = trigrams(text);
        Map<String, Integer> index = new HashMap<>();
        List<Boolean> found = new ArrayList<>();
        for (String t : trg1) {
            if (!index.containsKey(t)) {
                index.put(t, index.size());
                found.add(true);
            }
        }
        int ulen1 = index.size();
        int[] trg2indexes = new int[trg2.size()];
        for (int i = 0; i < trg2.size(); i++) {
            String t = trg2.get(i);
            if (!index.containsKey(t)) {
                index.put(t, index.size());
                found.add(false);
            }
            trg2indexes[i] = index.get(t);
        }
        int[] lastpos = new int[index.size()];
        Arrays.fill(lastpos, -1);
        int ulen2 = 0;
        int count = 0;
        int upper;
        int lower = -1;
        double max = 0.0;
        for (int i = 0; i < trg2.size(); i++) {
            int trgindex = trg2indexes[i];
            if (lower >= 0 || found.get(trgindex)) {
                if (lastpos[trgindex] < 0) {
                    ulen2++;
                    if (found.get(trgindex)) {
                        count++;
                    }
                }
                lastpos[trgindex] = i;
            }
            if (found.get(trgindex)) {
                upper = i;
                if (lower == -1) {
                    lower = i;
                    ulen2 = 1;
                }
                double current = calc(count, ulen1, ulen2);
                int tmpCount = count;
                int tmpUlen2 = ulen2;
                int prevLower = lower;
                for (int tmpLower = lower; tmpLower <= upper; tmpLower++) {
                    double candidate = calc(tmpCount, ulen1, tmpUlen2);
                    if (candidate > current) {
                        current = candidate;
                        ulen2 = tmpUlen2;
                        lower = tmpLower;
                        count = tmpCount;
                    }
                    int tmpIndex = trg2indexes[tmpLower];
                    if (lastpos[tmpIndex] == tmpLower) {
                        tmpUlen2--;
                        if (found.get(tmpIndex)) {
                            tmpCount--;
                        }
                    }
                }
                max = Math.max(max, current);
                for (int tmpLower = prevLower; tmpLower < lower; tmpLower++) {
                    int tmpIndex = trg2indexes[tmpLower];
                    if (lastpos[tmpIndex] == tmpLower) {
                        lastpos[tmpIndex] = -1;
                    }
                }
            }
        }
        return max;
    }

    /** The best word similarity of any query key against a stored key, as a search over all keys would rank it. */
    static double bestWordSimilarity(List<String> queryKeys, String storedKey) {
        double best = 0.0;
        for (String q : queryKeys) {
            best = Math.max(best, wordSimilarity(q, storedKey));
        }
        return best;
    }

    /** Trigrams in order of occurrence, duplicates kept, as pg_trgm generates them before sorting. */
    static List<String> trigrams(String text) {
        List<String> result = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                result.add(padded.substring(i, i + 3));
            }
        }
        return result;
    }

    private static double calc(int count, int len1, int len2) {
        return (double) count / (len1 + len2 - count);
    }
}
