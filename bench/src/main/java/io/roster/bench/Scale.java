package io.roster.bench;

import java.util.List;
import java.util.Locale;

/**
 * The size of a generated data set. The org tree is regions → districts → branches under one national root; members
 * are spread over the branches (and a few over districts and regions, as staff and regional activists are).
 *
 * @param members how many member profiles
 */
public record Scale(String name, int regions, int districtsPerRegion, int branchesPerDistrict, int members) {

    /** 10k members, ~200 units: generated in seconds; what the smoke run and a laptop use. */
    public static final Scale SMALL = new Scale("small", 10, 5, 3, 10_000);

    /** 200k members, ~1,600 units. */
    public static final Scale MEDIUM = new Scale("medium", 40, 8, 4, 200_000);

    /** 1M members, ~4,900 units: the scale the targets are stated for. */
    public static final Scale LARGE = new Scale("large", 80, 10, 5, 1_000_000);

    public static final List<Scale> PRESETS = List.of(SMALL, MEDIUM, LARGE);

    /** A preset by name. */
    public static Scale named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return PRESETS.stream()
                .filter(s -> s.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scale '" + name + "' (small, medium, large)"));
    }

    /** A tiny data set for tests: the small tree with this many members. */
    public static Scale tiny(int members) {
        return new Scale("tiny", 3, 2, 2, members);
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
