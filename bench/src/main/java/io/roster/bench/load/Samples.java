package io.roster.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The request samples the generator wrote beside the data set ({@code members.tsv}, {@code units.tsv},
 * {@code long-history.tsv}, {@code regions.tsv}, {@code tasks.tsv}): real ids, names, phones and units, the members with a very long
 * history, the regions with their member counts and the load caller's cards, so that every scenario asks for varied,
 * existing data.
 */
public record Samples(
        List<Member> members,
        List<Unit> units,
        List<LongHistory> longHistory,
        List<Region> regions,
        List<String> myTasks) {

    /** A sampled member. Empty strings of the file are {@code null} here. */
    public record Member(
            String id,
            String family,
            String given,
            String patronymic,
            boolean ukrainian,
            String phone,
            String email,
            String unitId,
            String birthDate) {}

    /** An org unit with its ltree path. */
    public record Unit(String id, String kind, String code, String path) {}

    /** A member with a very long history, and how many interactions it has. */
    public record LongHistory(String id, int interactions) {}

    /** A region with the number of live members in its subtree. */
    public record Region(String id, String code, String path, long members) {}

    public static Samples load(Path dir) throws IOException {
        List<Member> members = rows(dir.resolve("members.tsv")).stream()
                .map(f -> new Member(
                        f[0],
                        f[1],
                        f[2],
                        blank(f[3]),
                        Boolean.parseBoolean(f[4]),
                        blank(f[5]),
                        blank(f[6]),
                        f[7],
                        blank(f[8])))
                .toList();
        List<Unit> units = rows(dir.resolve("units.tsv")).stream()
                .map(f -> new Unit(f[0], f[1], f[2], f[3]))
                .toList();
        if (members.isEmpty() || units.isEmpty()) {
            throw new IllegalStateException("no samples in " + dir + "; generate the data set again");
        }
        List<LongHistory> longHistory = rows(dir.resolve("long-history.tsv")).stream()
                .map(f -> new LongHistory(f[0], Integer.parseInt(f[1])))
                .toList();
        List<Region> regions = rows(dir.resolve("regions.tsv")).stream()
                .map(f -> new Region(f[0], f[1], f[2], Long.parseLong(f[3])))
                .toList();
        if (longHistory.isEmpty() || regions.isEmpty()) {
            throw new IllegalStateException("no interaction samples in " + dir + "; generate the data set again");
        }
        List<String> myTasks =
                rows(dir.resolve("tasks.tsv")).stream().map(f -> f[0]).toList();
        if (myTasks.isEmpty()) {
            throw new IllegalStateException("no task samples in " + dir + "; generate the data set again");
        }
        return new Samples(members, units, longHistory, regions, myTasks);
    }

    /** The region with the most members (at large: the capital, ~100k). */
    public Region biggestRegion() {
        return regions.stream()
                .max(java.util.Comparator.comparingLong(Region::members))
                .orElseThrow();
    }

    /** Units of one kind (REGION, DISTRICT, BRANCH). */
    public List<Unit> units(String kind) {
        return units.stream().filter(u -> u.kind().equals(kind)).toList();
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .filter(l -> !l.isEmpty())
                .map(l -> l.split("\t", -1))
                .toList();
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
