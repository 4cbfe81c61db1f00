package io.roster.bench.generate;

import io.roster.bench.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One generated member with everything that hangs off the profile, derived from (seed, index) alone: each table's pass
 * calls {@link #generate} again rather than keeping members in memory.
 *
 * <p>The distributions are what regional offices report: mostly prospects and supporters, about a quarter members;
 * most people with one mobile number, more than half with an e-mail, a third with a postal address; consents
 * per channel where there is a way to reach them; and a status history that led to the current status.
 */
public record Person(
        long index,
        UUID id,
        OrgTree.Unit unit,
        boolean ukrainian,
        boolean female,
        String given,
        String patronymic,
        String family,
        LocalDate birthDate,
        String status,
        String membershipNumber,
        LocalDate joinedOn,
        LocalDate leftOn,
        Integer supportLevel,
        String positionsJson,
        List<String> tags,
        List<String> skills,
        String telegram,
        List<String> doNotContact,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant archivedAt,
        List<String> phones,
        String email,
        Map<String, String> address,
        List<ConsentRow> consents,
        List<StatusStep> history) {

    /** A consent per channel as {@code member_consent} keeps it. */
    public record ConsentRow(String channel, boolean granted, String source, String evidence, Instant recordedAt) {}

    /** One entry of {@code member_status_change}. */
    public record StatusStep(String from, String to, Instant at) {}

    /** The tag that filtered-list scenarios select on (about 8 % of members carry it). */
    public static final String RU_ACTIVIST_TAG = "агитатор";

    private static final List<String> RU_TAGS = List.of(
            "наблюдатель", "волонтёр", "донор", "пенсионер", "студент", "водитель", "юрист", "медик", "учитель");
    private static final List<String> UK_TAGS =
            List.of("агітатор", "спостерігач", "волонтер", "донор", "пенсіонер", "студент", "водій", "юрист", "медик");
    private static final List<String> SKILLS = List.of(
            "SMM", "дизайн", "вождение", "фото", "видео", "право", "IT", "английский", "переговоры", "логистика");
    private static final List<String> SOURCES = List.of("paper form", "web form", "phone call", "event sign-up");
    private static final String[] UA_OPERATORS = {"50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"
    };

    /** The member with this index of the data set. */
    public static Person generate(GenerationContext ctx, long index) {
        SplittableRandom r = Seeds.random(ctx.seed(), "member", index);
        OrgTree.Unit unit = ctx.orgTree().homeUnit(r);
        boolean uk = unit.ukrainian() ? r.nextDouble() < 0.9 : r.nextDouble() < 0.05;
        NameData names = uk ? NameData.ukrainian() : NameData.russian();
        boolean female = r.nextBoolean();
        String given = names.given(r, female);
        String patronymic = r.nextDouble() < 0.85 ? names.patronymic(r, female) : null;
        String family = names.family(r, female);

        long span = ctx.now().getEpochSecond() - ctx.historyStart().getEpochSecond();
        long n = Math.max(1, ctx.scale().members());
        long createdSec = ctx.historyStart().getEpochSecond() + span * index / n + r.nextLong(3600);
        Instant created = Instant.ofEpochSecond(createdSec, r.nextInt(1_000_000) * 1000L);
        Instant updated = r.nextDouble() < 0.5
                ? created
                : Instant.ofEpochSecond(
                        createdSec + r.nextLong(Math.max(1, ctx.now().getEpochSecond() - createdSec)));
        LocalDate birth =
                r.nextDouble() < 0.9 ? LocalDate.of(1940 + r.nextInt(67), 1 + r.nextInt(12), 1 + r.nextInt(28)) : null;

        double s = r.nextDouble();
        String status = s < 0.25
                ? "PROSPECT"
                : s < 0.55
                        ? "SUPPORTER"
                        : s < 0.67 ? "VOLUNTEER" : s < 0.95 ? "MEMBER" : s < 0.97 ? "SUSPENDED" : "LEFT";
        List<StatusStep> history = history(r, status, created, updated);
        LocalDate joined = null;
        LocalDate left = null;
        for (StatusStep step : history) {
            if (step.to().equals("MEMBER")) {
                joined = date(step.at());
            } else if (step.to().equals("LEFT")) {
                left = date(step.at());
            }
        }
        String number = joined == null
                ? null
                : String.format(
                        "%s-%07d",
                        OrgTree.regionOf(unit) == null
                                ? "R00"
                                : OrgTree.regionOf(unit).code(),
                        index);
        Integer support = r.nextDouble() < 0.8 ? supportLevel(r, status) : null;
        String positions = "[]";
        if (r.nextDouble() < 0.02) {
            positions = "[{\"title\":\"" + (uk ? "секретар осередку" : "секретарь отделения") + "\",\"orgUnitId\":\""
                    + unit.id() + "\",\"since\":\"" + date(created) + "\"}]";
        }
        TreeSet<String> tags = new TreeSet<>();
        if (!uk && r.nextDouble() < 0.08) {
            tags.add(RU_ACTIVIST_TAG);
        }
        int extraTags = r.nextDouble() < 0.6 ? r.nextInt(3) : 0;
        for (int i = 0; i < extraTags; i++) {
            tags.add(NameData.pick(r, uk ? UK_TAGS : RU_TAGS));
        }
        TreeSet<String> skills = new TreeSet<>();
        int skillCount = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < skillCount; i++) {
            skills.add(NameData.pick(r, SKILLS));
        }
        String handle = Latin.handle(given, uk);
        String familyHandle = Latin.handle(family, uk);
        String telegram = r.nextDouble() < 0.35 ? handle.charAt(0) + "_" + familyHandle + r.nextInt(10_000) : null;

        List<String> phones = new ArrayList<>(2);
        if (r.nextDouble() < 0.92) {
            phones.add(phone(r, uk));
            if (r.nextDouble() < 0.15) {
                phones.add(phone(r, uk));
            }
        }
        String email = null;
        if (r.nextDouble() < 0.6) {
            String local = r.nextBoolean()
                    ? handle + "." + familyHandle
                    : familyHandle + (birth == null ? r.nextInt(100) : birth.getYear());
            email = local + "@" + NameData.pick(r, names.emailDomains());
        }
        Map<String, String> address = null;
        if (r.nextDouble() < 0.3) {
            address = new LinkedHashMap<>();
            address.put(
                    "postalCode",
                    uk
                            ? String.format("%05d", r.nextInt(100_000))
                            : String.format("%06d", 100_000 + r.nextInt(900_000)));
            address.put("country", uk ? "UA" : "RU");
            address.put("region", unit.regionName());
            address.put("locality", NameData.pick(r, names.towns()));
            address.put("street", (uk ? "вул. " : "ул. ") + NameData.pick(r, names.streets()));
            address.put("building", Integer.toString(1 + r.nextInt(150)));
            if (r.nextDouble() < 0.7) {
                address.put("apartment", Integer.toString(1 + r.nextInt(300)));
            }
        }
        List<String> dnc = r.nextDouble() < 0.03 ? List.of(r.nextBoolean() ? "PHONE" : "SMS") : List.of();
        List<ConsentRow> consents = consents(r, created, email != null, !phones.isEmpty(), telegram != null, uk);
        Instant archived = r.nextDouble() < 0.01 ? updated : null;
        long version = history.size() - 1 + (updated.equals(created) ? 0 : 1);
        return new Person(
                index,
                Seeds.uuid(ctx.seed(), "member", index, created.toEpochMilli()),
                unit,
                uk,
                female,
                given,
                patronymic,
                family,
                birth,
                status,
                number,
                joined,
                left,
                support,
                positions,
                List.copyOf(tags),
                List.copyOf(skills),
                telegram,
                dnc,
                created,
                updated,
                version,
                archived,
                phones,
                email,
                address,
                consents,
                history);
    }

    /** The one-line address as Roster stores it in {@code member_contact.value}. */
    public String addressLine() {
        return String.join(", ", address.values());
    }

    /** The address details as the jsonb Roster stores. */
    public String addressJson() {
        StringBuilder json = new StringBuilder("{");
        address.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        });
        return json.append('}').toString();
    }

    /** A phone number the way people type it: national format for Russia, international for Ukraine. */
    public static String typed(String e164) {
        if (e164.startsWith("+7") && e164.length() == 12) {
            String d = e164.substring(2);
            return "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-"
                    + d.substring(8);
        }
        if (e164.startsWith("+380") && e164.length() == 13) {
            String d = e164.substring(4);
            return "+380 (" + d.substring(0, 2) + ") " + d.substring(2, 5) + "-" + d.substring(5, 7) + "-"
                    + d.substring(7);
        }
        return e164;
    }

    private static String phone(SplittableRandom r, boolean uk) {
        if (uk) {
            return "+380" + UA_OPERATORS[r.nextInt(UA_OPERATORS.length)] + String.format("%07d", r.nextInt(10_000_000));
        }
        return "+79" + String.format("%02d", r.nextInt(100)) + String.format("%07d", r.nextInt(10_000_000));
    }

    private static int supportLevel(SplittableRandom r, String status) {
        return switch (status) {
            case "MEMBER", "VOLUNTEER" -> 4 + r.nextInt(2);
            case "SUPPORTER" -> 3 + r.nextInt(3);
            case "LEFT", "SUSPENDED" -> 1 + r.nextInt(3);
            default -> 1 + r.nextInt(5);
        };
    }

    private static List<StatusStep> history(SplittableRandom r, String status, Instant created, Instant updated) {
        List<String> path =
                switch (status) {
                    case "PROSPECT" -> List.of("PROSPECT");
                    case "SUPPORTER" -> r.nextBoolean() ? List.of("SUPPORTER") : List.of("PROSPECT", "SUPPORTER");
                    case "VOLUNTEER" ->
                        r.nextBoolean()
                                ? List.of("SUPPORTER", "VOLUNTEER")
                                : List.of("PROSPECT", "SUPPORTER", "VOLUNTEER");
                    case "MEMBER" ->
                        switch (r.nextInt(3)) {
                            case 0 -> List.of("MEMBER");
                            case 1 -> List.of("SUPPORTER", "MEMBER");
                            default -> List.of("PROSPECT", "SUPPORTER", "MEMBER");
                        };
                    case "SUSPENDED" -> List.of("SUPPORTER", "MEMBER", "SUSPENDED");
                    default -> r.nextBoolean() ? List.of("PROSPECT", "LEFT") : List.of("SUPPORTER", "MEMBER", "LEFT");
                };
        List<StatusStep> steps = new ArrayList<>(path.size());
        long from = created.getEpochSecond();
        long to = Math.max(from + path.size(), updated.getEpochSecond());
        String previous = null;
        for (int i = 0; i < path.size(); i++) {
            Instant at = i == 0 ? created : Instant.ofEpochSecond(from + (to - from) * i / path.size());
            steps.add(new StatusStep(previous, path.get(i), at));
            previous = path.get(i);
        }
        return steps;
    }

    private static List<ConsentRow> consents(
            SplittableRandom r, Instant created, boolean email, boolean phone, boolean telegram, boolean uk) {
        List<ConsentRow> rows = new ArrayList<>(4);
        if (email && r.nextDouble() < 0.85) {
            rows.add(consent(r, "EMAIL", r.nextDouble() < 0.88, created, uk));
        }
        if (phone && r.nextDouble() < 0.6) {
            rows.add(consent(r, "PHONE", r.nextDouble() < 0.8, created, uk));
        }
        if (phone && r.nextDouble() < 0.5) {
            rows.add(consent(r, "SMS", r.nextDouble() < 0.85, created, uk));
        }
        if (telegram && r.nextDouble() < 0.7) {
            rows.add(consent(r, "TELEGRAM", true, created, uk));
        }
        return rows;
    }

    private static ConsentRow consent(
            SplittableRandom r, String channel, boolean granted, Instant created, boolean uk) {
        String source = NameData.pick(r, SOURCES);
        String evidence = (uk ? "заява № " : "анкета № ") + (1 + r.nextInt(99_999));
        return new ConsentRow(channel, granted, source, evidence, created.plusSeconds(r.nextInt(86_400)));
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
