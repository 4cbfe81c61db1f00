package io.roster.bench.generate;

import io.roster.bench.Scale;
import io.roster.bench.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The generated organisation: one national root, regions (every fourth Ukrainian-speaking), their districts and
 * branches. Small enough (≤ ~5k units) to keep in memory; members are assigned to units from here.
 */
public final class OrgTree {
    private static final List<String> RU_DISTRICTS = List.of(
            "Кировский",
            "Ленинский",
            "Центральный",
            "Советский",
            "Октябрьский",
            "Заводской",
            "Первомайский",
            "Железнодорожный",
            "Калининский",
            "Северный",
            "Южный",
            "Восточный");
    private static final List<String> UK_DISTRICTS = List.of(
            "Шевченківський",
            "Печерський",
            "Подільський",
            "Оболонський",
            "Дарницький",
            "Солом’янський",
            "Голосіївський",
            "Деснянський",
            "Святошинський",
            "Дніпровський",
            "Франківський",
            "Личаківський");

    /**
     * The share of members placed in the capital region on top of its ordinary share: with 80 regions and 1M members
     * it holds ~100k, the region size the "not contacted for 90 days" target is stated for.
     */
    static final double CAPITAL_SHARE = 0.09;

    /** One unit; {@code path} is the ltree of dash-less ids, as Roster writes it. */
    public record Unit(
            int index,
            UUID id,
            String code,
            String name,
            String kind,
            Unit parent,
            String path,
            boolean ukrainian,
            String regionName,
            Instant createdAt) {}

    private final Unit root;
    private final List<Unit> regions = new ArrayList<>();
    private final List<Unit> districts = new ArrayList<>();
    private final List<Unit> branches = new ArrayList<>();
    private final List<Unit> all = new ArrayList<>();

    private OrgTree(Scale scale, long seed, Instant start) {
        root = add(seed, start, "RU-ORG", "Организация", "NATIONAL", null, false, null);
        List<String> ruRegions = NameData.russian().regions();
        List<String> ukRegions = NameData.ukrainian().regions();
        for (int r = 0; r < scale.regions(); r++) {
            boolean uk = r % 4 == 3;
            List<String> names = uk ? ukRegions : ruRegions;
            String regionName = names.get((r * 7) % names.size());
            String regionCode = String.format("R%02d", r + 1);
            Unit region = add(seed, start, regionCode, regionName, "REGION", root, uk, regionName);
            regions.add(region);
            List<String> districtNames = uk ? UK_DISTRICTS : RU_DISTRICTS;
            for (int d = 0; d < scale.districtsPerRegion(); d++) {
                String name = districtNames.get(d % districtNames.size())
                        + (uk ? " район" : " район")
                        + (d >= districtNames.size() ? " " + (d / districtNames.size() + 1) : "");
                Unit district = add(
                        seed,
                        start,
                        regionCode + String.format("-D%02d", d + 1),
                        name,
                        "DISTRICT",
                        region,
                        uk,
                        regionName);
                districts.add(district);
                for (int b = 0; b < scale.branchesPerDistrict(); b++) {
                    String branchName = (uk ? "Первинний осередок № " : "Первичное отделение № ") + (b + 1);
                    branches.add(add(
                            seed,
                            start,
                            district.code() + String.format("-B%02d", b + 1),
                            branchName,
                            "BRANCH",
                            district,
                            uk,
                            regionName));
                }
            }
        }
    }

    /** The tree for a scale and seed; the same arguments always give the same ids. */
    public static OrgTree build(Scale scale, long seed, Instant historyStart) {
        return new OrgTree(scale, seed, historyStart);
    }

    private Unit add(
            long seed, Instant start, String code, String name, String kind, Unit parent, boolean uk, String region) {
        int index = all.size();
        Instant created = start.plusSeconds(index * 60L);
        UUID id = Seeds.uuid(seed, "org_unit", index, created.toEpochMilli());
        String label = id.toString().replace("-", "");
        String path = parent == null ? label : parent.path() + "." + label;
        Unit unit = new Unit(index, id, code, name, kind, parent, path, uk, region, created);
        all.add(unit);
        return unit;
    }

    /**
     * The home unit of a member: mostly a branch, sometimes a district or region (their staff and activists). Branch
     * sizes are skewed — a few big city branches, many small rural ones — and scattered over regions.
     */
    public Unit homeUnit(SplittableRandom r) {
        if (r.nextDouble() < CAPITAL_SHARE) {
            // the capital region: its own staff, its districts' activists, mostly its branches
            Unit capital = regions.get(0);
            double where = r.nextDouble();
            if (where < 0.01) {
                return capital;
            }
            int perRegion = districts.size() / regions.size();
            if (where < 0.06) {
                return districts.get(r.nextInt(perRegion));
            }
            return branches.get(r.nextInt(branches.size() / regions.size()));
        }
        double kind = r.nextDouble();
        if (kind < 0.02) {
            return regions.get(r.nextInt(regions.size()));
        }
        if (kind < 0.08) {
            return districts.get(r.nextInt(districts.size()));
        }
        double u = r.nextDouble();
        int skewed = (int) (branches.size() * Math.pow(u, 1.6));
        return branches.get((int) ((skewed * 7919L) % branches.size()));
    }

    public Unit root() {
        return root;
    }

    public List<Unit> all() {
        return all;
    }

    public List<Unit> regions() {
        return regions;
    }

    public List<Unit> districts() {
        return districts;
    }

    public List<Unit> branches() {
        return branches;
    }

    /** The region a unit belongs to (itself for a region, none for the root). */
    public static Unit regionOf(Unit unit) {
        Unit u = unit;
        while (u != null && !u.kind().equals("REGION")) {
            u = u.parent();
        }
        return u;
    }
}
