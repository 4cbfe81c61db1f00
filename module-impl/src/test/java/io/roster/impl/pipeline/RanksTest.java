package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RanksTest {

    private static void assertBetween(String low, String r, String high) {
        assertTrue(low == null || low.compareTo(r) < 0, low + " < " + r);
        assertTrue(high == null || r.compareTo(high) < 0, r + " < " + high);
        assertTrue(Ranks.valid(r), r);
    }

    @Test
    void aRankLiesStrictlyBetweenItsNeighboursInByteOrder() {
        String[][] cases = {
            {null, null},
            {"A", "B"},
            {"A", "AV"},
            {"A", "A1"},
            {null, "1"},
            {"z", null},
            {"zz", null},
            {"A5", "B"},
            {"AB", "AC"},
            {"A", "A0V"},
            {"0V", "1"},
            {null, "01"}
        };
        for (String[] c : cases) {
            assertBetween(c[0], Ranks.between(c[0], c[1]), c[1]);
        }
    }

    @Test
    void appendingToTheEndOfAColumnKeepsRanksShortAndIncreasing() {
        String last = "V0b";
        for (int i = 0; i < 100_000; i++) {
            String next = Ranks.after(last);
            assertTrue(next.compareTo(last) > 0, last + " < " + next);
            assertTrue(Ranks.valid(next), next);
            assertTrue(next.length() <= 3, "100,000 appends after a three-character rank stay at three: " + next);
            last = next;
        }
        assertEquals("W1", Ranks.after("Vz"));
        assertEquals("V11", Ranks.after("V0z"));
        assertEquals("V0c", Ranks.after("V0b"));
        assertTrue(Ranks.after("zz").compareTo("zz") > 0);
        assertTrue(Ranks.valid(Ranks.after(null)));
    }

    @Test
    void appendingAfterALongRankStartsAShortOne() {
        // a column whose last card was placed between neighbours many times has a long last rank; an append must
        // not carry that length on (a rank past the limit renumbers the whole column, under concurrent movers)
        String low = "V0b" + "Vk3".repeat(20);
        assertEquals("V0c", Ranks.after(low));
        assertTrue(Ranks.after(low).compareTo(low) > 0);
        String top = "zzzz" + "V".repeat(50);
        assertEquals("zzzzVVVW", Ranks.after(top));
        assertTrue(Ranks.after(top).compareTo(top) > 0);
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(60);
            for (int j = 0; j < n; j++) {
                b.append(Ranks.DIGITS.charAt(r.nextInt(j < 4 ? Ranks.BASE : Ranks.BASE - 1) + (j < 4 ? 0 : 1)));
            }
            String rank = b.toString();
            String next = Ranks.after(rank);
            assertTrue(next.compareTo(rank) > 0, rank + " < " + next);
            assertTrue(Ranks.valid(next), next);
            assertTrue(next.length() <= Math.max(n, 3) || next.length() <= 8, rank + " → " + next);
        }
    }

    @Test
    void appendingPastTheTopOfTheSpaceStaysShort() {
        // a column whose last rank reached only highest digits (after a renumbering, many appends climb there)
        String last = "zzz";
        for (int i = 0; i < 1_000_000; i++) {
            String next = Ranks.after(last);
            assertTrue(next.compareTo(last) > 0, last + " < " + next);
            assertTrue(Ranks.valid(next), next);
            last = next;
        }
        // 3 → 6 characters at once, 6 → 12 after 61³ appends, 12 → 24 only after 61⁶
        assertEquals(12, last.length(), "a million appends past the top: " + last);
        assertTrue(last.length() <= Ranks.MAX_LENGTH);
        assertEquals("zzz111", Ranks.after("zzz"));
    }

    @Test
    void outOfOrderNeighboursAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("B", "A"));
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("A", "A"));
    }

    @Test
    void insertingAlwaysAtTheSameSpotGrowsRanksSlowly() {
        String low = Ranks.initial();
        String high = Ranks.between(low, null);
        for (int i = 0; i < 40; i++) {
            String mid = Ranks.between(low, high);
            assertBetween(low, mid, high);
            high = mid;
        }
        assertTrue(high.length() <= 12, "40 halvings of one gap: " + high);
        String end = Ranks.initial();
        for (int i = 0; i < 200; i++) {
            String next = Ranks.between(end, null);
            assertBetween(end, next, null);
            end = next;
        }
        assertTrue(end.length() < Ranks.MAX_LENGTH, "200 appends: " + end);
    }

    @Test
    void randomMovesKeepTheColumnInOrderWithoutTouchingOtherCards() {
        Random random = new Random(42);
        List<String> column = new ArrayList<>(Ranks.spread(20));
        for (int i = 0; i < 2000; i++) {
            int from = random.nextInt(column.size());
            column.remove(from);
            int to = random.nextInt(column.size() + 1);
            String low = to == 0 ? null : column.get(to - 1);
            String high = to == column.size() ? null : column.get(to);
            String r = Ranks.between(low, high);
            assertBetween(low, r, high);
            column.add(to, r);
        }
        List<String> sorted = new ArrayList<>(column);
        sorted.sort(null);
        assertEquals(sorted, column);
    }

    @Test
    void spreadGivesIncreasingValidRanksWithRoomBetween() {
        for (int n : new int[] {1, 2, 61, 62, 1000, 50_000}) {
            List<String> ranks = Ranks.spread(n);
            assertEquals(n, ranks.size());
            for (int i = 1; i < n; i++) {
                assertTrue(ranks.get(i - 1).compareTo(ranks.get(i)) < 0, ranks.get(i - 1) + " " + ranks.get(i));
                assertTrue(Ranks.valid(ranks.get(i)));
            }
            assertTrue(ranks.get(n - 1).length() <= 5);
        }
        // a prefix followed by a spread stays above the prefix: how removed stages' cards join a column's end
        String last = "zzV";
        for (String r : Ranks.spread(10)) {
            assertTrue((last + r).compareTo(last) > 0);
        }
    }
}
