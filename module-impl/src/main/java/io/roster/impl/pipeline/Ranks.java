package io.roster.impl.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractional ranks: strings over an alphabet whose byte order is its digit order, compared byte-wise (the column is
 * {@code collate "C"}). Between any two different ranks there is another one, so a card moved between two neighbours
 * gets one new rank and no other card of the column changes. A rank never ends in the lowest digit, which keeps room
 * below every rank. Ranks grow by about one character per halving of a gap; when a rank gets longer than
 * {@link #MAX_LENGTH}, the column is rebalanced once (rare: it takes dozens of inserts at the very same spot).
 */
public final class Ranks {
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int BASE = DIGITS.length();
    /** Longer ranks ask for a rebalance of their column. */
    public static final int MAX_LENGTH = 48;
    /** How many characters of a long last rank an append counts on from. */
    private static final int SHORT = 3;

    private Ranks() {}

    /** The rank of the first card of an empty column. */
    public static String initial() {
        return between(null, null);
    }

    /**
     * A rank strictly between two ranks.
     *
     * @param low the rank below, or {@code null} for the start of the column
     * @param high the rank above, or {@code null} for the end of the column
     * @throws IllegalArgumentException when {@code low >= high}
     */
    public static String between(String low, String high) {
        if (low != null && high != null && low.compareTo(high) >= 0) {
            throw new IllegalArgumentException("ranks out of order: " + low + " >= " + high);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int lo = low == null ? 0 : digit(low, i);
            // past the end of high: no upper bound any more at this position
            boolean highBounded = high != null && i < high.length();
            int hi = highBounded ? digit(high, i) : BASE;
            if (lo == hi) {
                out.append(DIGITS.charAt(lo));
                i++;
                continue;
            }
            if (hi - lo > 1) {
                out.append(DIGITS.charAt((lo + hi) / 2));
                return out.toString();
            }
            // adjacent digits: take lo here and find room above the rest of low
            out.append(DIGITS.charAt(lo));
            i++;
            String rest = low == null || i >= low.length() ? null : low.substring(i);
            out.append(between(rest, null));
            return out.toString();
        }
    }

    /**
     * A rank after {@code low} for a card appended to the end of its column: {@code low} read as a number and raised
     * by one in its last digit, carrying like an odometer whose digits restart at 1 (a rank never ends in the lowest
     * digit): {@code "V0b"} → {@code "V0c"}, {@code "V0z"} → {@code "V11"}. Unlike {@link #between between(low,
     * null)}, which halves the room above and grows by a character every few appends, this keeps the length: a column
     * of three-character ranks takes over 100,000 appends before its ranks grow, so a stream of moves to the ends of
     * columns never asks for a renumbering. At the very top of the space (only highest digits) the rank doubles its
     * length with lowest-but-one digits, {@code "zz"} → {@code "zz11"}, which starts a new odometer of as many digits:
     * growing by one character there instead would make every 61st append one character longer, and a column whose
     * last rank had reached the top would hit {@link #MAX_LENGTH} — and a renumbering of the whole column under the
     * movers' feet — every couple of thousand appends.
     */
    public static String after(String low) {
        if (low == null) {
            return initial();
        }
        // Any rank greater than a prefix of low and of the prefix's length is greater than low itself, so a long last
        // rank (left by many inserts between two cards) is followed by a short one, counted on from its first three
        // characters. A rank that starts with h highest digits (past the top, see below) counts on in its first 2h,
        // so the doubling keeps its room.
        int high = 0;
        while (high < low.length() && low.charAt(high) == DIGITS.charAt(BASE - 1)) {
            high++;
        }
        int k = Math.min(low.length(), Math.max(SHORT, 2 * high));
        if (k < low.length()) {
            return after(low.substring(0, k));
        }
        char[] digits = low.toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = DIGITS.indexOf(digits[i]);
            if (d < BASE - 1) {
                digits[i] = DIGITS.charAt(d + 1);
                return new String(digits);
            }
            digits[i] = DIGITS.charAt(1);
        }
        // only highest digits: as many positions again
        return low + String.valueOf(DIGITS.charAt(1)).repeat(low.length());
    }

    /** {@code count} evenly spread ranks in increasing order, for (re)numbering a column. */
    public static List<String> spread(int count) {
        List<String> out = new ArrayList<>(count);
        // enough digits that the spacing leaves room for many inserts between neighbours
        int width = 1;
        long capacity = BASE;
        while (capacity < (long) count * 64) {
            width++;
            capacity *= BASE;
        }
        long step = capacity / (count + 1L);
        for (int k = 1; k <= count; k++) {
            long v = step * k;
            char[] chars = new char[width];
            for (int p = width - 1; p >= 0; p--) {
                chars[p] = DIGITS.charAt((int) (v % BASE));
                v /= BASE;
            }
            String s = new String(chars);
            // no trailing lowest digits: keeps room below every rank
            int end = s.length();
            while (end > 1 && s.charAt(end - 1) == DIGITS.charAt(0)) {
                end--;
            }
            out.add(s.substring(0, end));
        }
        return out;
    }

    /** Whether a string is a rank this class could have made. */
    public static boolean valid(String rank) {
        if (rank == null || rank.isEmpty() || rank.charAt(rank.length() - 1) == DIGITS.charAt(0)) {
            return false;
        }
        for (int i = 0; i < rank.length(); i++) {
            if (DIGITS.indexOf(rank.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(String s, int i) {
        return i < s.length() ? DIGITS.indexOf(s.charAt(i)) : 0;
    }
}
