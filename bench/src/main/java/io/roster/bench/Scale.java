package io.roster.bench;

import java.util.List;
import java.util.Locale;

/**
 * The size of a generated data set. The org tree is regions → districts → branches under one national root; members
 * are spread over the branches (and a few over districts and regions, as staff and regional activists are), with the
 * first region — the capital — holding about a tenth of them.
 *
 * @param members how many member profiles
 * @param interactions how many interactions in all, those of the long-history members included
 * @param longHistoryMembers how many members have a very long history (a hotline regular, a decades-long activist)
 * @param longHistoryInteractions how many interactions each of them has
 * @param eventsPerDistrict how many events (meetings, trainings) each district held, with attendance
 */
public record Scale(
        String name,
        int regions,
        int districtsPerRegion,
        int branchesPerDistrict,
        int members,
        long interactions,
        int longHistoryMembers,
        int longHistoryInteractions,
        int eventsPerDistrict) {

    /** 10k members, 100k interactions, ~200 units: generated in seconds; what the smoke run and a laptop use. */
    public static final Scale SMALL = new Scale("small", 10, 5, 3, 10_000, 100_000, 1, 20_000, 4);

    /** 200k members, 2M interactions (3 members with 100k each), ~1,600 units, 640 events. */
    public static final Scale MEDIUM = new Scale("medium", 40, 8, 4, 200_000, 2_000_000, 3, 100_000, 2);

    /**
     * 1M members, 10M interactions (3 members with 100k each), ~4,900 units, 1,600 events: the scale the issues'
     * targets are stated for (a capital region of ~100k members).
     */
    public static final Scale LARGE = new Scale("large", 80, 10, 5, 1_000_000, 10_000_000, 3, 100_000, 2);

    public static final List<Scale> PRESETS = List.of(SMALL, MEDIUM, LARGE);

    /** A preset by name. */
    public static Scale named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return PRESETS.stream()
                .filter(s -> s.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scale '" + name + "' (small, medium, large)"));
    }

    /**
     * A tiny data set for tests: a small tree with this many members, six interactions each on average, and one member
     * with 3,000 (enough for a 50th timeline page of 50).
     */
    public static Scale tiny(int members) {
        return new Scale("tiny", 3, 2, 2, members, members * 6L + 3_000, 1, 3_000, 2);
    }

    public int districts() {
        return regions * districtsPerRegion;
    }

    public int branches() {
        return districts() * branchesPerDistrict;
    }

    /** All units, the national root included. */
    public int units() {
        return 1 + regions + districts() + branches();
    }
}
