package io.roster.bench.generate;

import io.roster.bench.Seeds;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Interactions and the member timeline. One pass over all members writes their interactions (COPY); the timeline
 * rows follow set-based from what was written — the status and consent history exactly as the V2 migration
 * backfills it, and one entry per interaction exactly as the service writes it (id = ref id = the interaction's id,
 * title = subject or "TYPE · OUTCOME", data = direction, outcome, duration) —, then one UPDATE sets each member's last
 * contact from the interactions whose type counts as contact (a NOTE does not).
 *
 * <p>Distributions: about 12 % of members were never contacted; the others have a long-tailed count (log-normal
 * around the scale's mean, capped at 2,000), and {@link io.roster.bench.Scale#longHistoryMembers()} early members
 * have {@link io.roster.bench.Scale#longHistoryInteractions()} each. Calls and canvassing dominate, then notes,
 * SMS, visits; the channel follows the type, the outcome the channel; times fall between the member's creation and
 * the present, denser in recent years; authors come from a pool of 40 organisers; ~30 % carry a subject in the
 * member's language (Russian or Ukrainian). Outcome consequences (a wrong number marking the phone bad, …) are not
 * applied to the generated profiles.
 *
 * <p>Writes {@code long-history.tsv} (member id, interactions) and {@code regions.tsv} (region id, code, path, live
 * members of its subtree) into the samples directory.
 */
public final class InteractionStage implements GeneratorStage {
    private static final int BLOCK = 4_096;
    private static final int MAX_PER_MEMBER = 2_000;
    private static final double NEVER_CONTACTED = 0.12;
    private static final double SIGMA = 0.9;
    private static final int AUTHORS = 40;

    private static final String[] TYPES = {
        "CALL", "CANVASS", "NOTE", "SMS", "VISIT", "EMAIL", "TELEGRAM", "MEETING", "TRAINING", "OTHER"
    };
    private static final double[] TYPE_WEIGHTS = {0.34, 0.20, 0.11, 0.09, 0.08, 0.05, 0.05, 0.04, 0.02, 0.02};

    private static final List<String> RU_SUBJECTS = List.of(
            "Приглашение на собрание отделения",
            "Сбор подписей за кандидата",
            "Опрос о приоритетах района",
            "Напоминание о членских взносах",
            "Приглашение на обучение агитаторов",
            "Агитация перед выборами",
            "Уточнение контактных данных",
            "Поздравление с днём рождения",
            "Жалоба на управляющую компанию",
            "Приглашение в наблюдатели",
            "Обход ул. Ленина",
            "Раздача газеты отделения");
    private static final List<String> UK_SUBJECTS = List.of(
            "Запрошення на збори осередку",
            "Збір підписів за кандидата",
            "Опитування про пріоритети району",
            "Нагадування про членські внески",
            "Запрошення на навчання агітаторів",
            "Агітація перед виборами",
            "Уточнення контактних даних",
            "Привітання з днем народження",
            "Скарга на керуючу компанію",
            "Запрошення до спостерігачів",
            "Обхід вул. Шевченка",
            "Роздача газети осередку");
    private static final List<String> RU_BODIES = List.of(
            "Придёт, просит напомнить за день.",
            "Не интересуется, просит больше не звонить по вечерам.",
            "Готов помочь с расклейкой листовок.",
            "Сменил номер, новый записан в профиль.",
            "Передал вопрос о ремонте дороги в приёмную депутата.");
    private static final List<String> UK_BODIES = List.of(
            "Прийде, просить нагадати за день.",
            "Не цікавиться, просить більше не телефонувати ввечері.",
            "Готовий допомогти з розклеюванням листівок.",
            "Змінив номер, новий записано в профіль.",
            "Передав питання про ремонт дороги до приймальні депутата.");

    /** An organiser who logs interactions. */
    record Author(String id, String name) {}

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public List<String> tables() {
        return List.of("interaction", "timeline_entry");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        List<TableLoad> loads = new ArrayList<>();
        Connection c = ctx.connection();
        try (Statement s = c.createStatement()) {
            s.execute("set work_mem = '256MB'");
        }
        loads.add(historyTimeline(c));
        Map<Long, Integer> longHistory = longHistoryMembers(ctx);
        loads.add(interactions(ctx, longHistory));
        loads.add(sql(
                c,
                "timeline_entry/interactions",
                "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                        + " select i.id, i.member_id, 'INTERACTION', i.occurred_at, i.type, i.channel, i.id,"
                        + " coalesce(i.subject, i.type || coalesce(' · ' || i.outcome, '')),"
                        + " jsonb_strip_nulls(jsonb_build_object('direction', i.direction, 'outcome', i.outcome,"
                        + " 'durationSeconds', i.duration_seconds))"
                        + " from interaction i where i.deleted_at is null"));
        loads.add(sql(
                c,
                "member/last-contact (update)",
                "update member m set last_contact_at = l.occurred_at, last_contact_channel = l.channel,"
                        + " last_outcome = l.outcome from (select distinct on (i.member_id) i.member_id,"
                        + " i.occurred_at, i.channel, i.outcome from interaction i"
                        + " join interaction_type t on t.key = i.type"
                        + " where t.counts_as_contact and i.deleted_at is null"
                        + " order by i.member_id, i.occurred_at desc, i.id desc) l where m.id = l.member_id"));
        try (Statement s = c.createStatement()) {
            s.execute("reset work_mem");
        }
        c.commit();
        return loads;
    }

    /** The status and consent history on the timeline, as the V2 migration backfills it. */
    private static TableLoad historyTimeline(Connection c) throws Exception {
        long started = System.nanoTime();
        long rows;
        try (Statement s = c.createStatement()) {
            rows = s.executeUpdate("insert into timeline_entry (id, member_id, kind, occurred_at, type, title, data)"
                    + " select s.id, s.member_id, 'STATUS_CHANGE', s.changed_at, s.to_status,"
                    + " coalesce(s.from_status || ' → ', '') || s.to_status,"
                    + " jsonb_strip_nulls(jsonb_build_object('from', s.from_status, 'to', s.to_status,"
                    + " 'by', s.changed_by)) from member_status_change s");
            rows += s.executeUpdate("insert into timeline_entry (id, member_id, kind, occurred_at, type, title, data)"
                    + " select c.id, c.member_id, 'CONSENT_CHANGE', c.recorded_at, c.channel,"
                    + " c.channel || case when c.granted then ' +' else ' −' end,"
                    + " jsonb_strip_nulls(jsonb_build_object('granted', c.granted, 'source', c.source,"
                    + " 'by', c.recorded_by)) from member_consent_event c");
        }
        c.commit();
        return new TableLoad("timeline_entry/history", rows, System.nanoTime() - started);
    }

    static TableLoad sql(Connection c, String name, String statement) throws Exception {
        long started = System.nanoTime();
        long rows;
        try (Statement s = c.createStatement()) {
            rows = s.executeUpdate(statement);
        }
        c.commit();
        return new TableLoad(name, rows, System.nanoTime() - started, name.endsWith("(update)"));
    }

    /**
     * The members with a long history: early members (so the history spans years), live, neither on the sample list
     * the member scenarios draw from nor archived or gone, at fixed places of the member sequence.
     */
    static Map<Long, Integer> longHistoryMembers(GenerationContext ctx) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        long n = ctx.scale().members();
        int count = ctx.scale().longHistoryMembers();
        long stride = Math.max(1, n / MemberStage.MAX_SAMPLES);
        for (int k = 0; k < count; k++) {
            long i = Math.max(1, (k + 1) * n / (20L * count));
            while (i < n) {
                Person p = Person.generate(ctx, i);
                boolean sampled = stride > 1 && i % stride == 0;
                if (!sampled && p.archivedAt() == null && !p.status().equals("LEFT") && !out.containsKey(i)) {
                    break;
                }
                i++;
            }
            if (i < n) {
                out.put(i, ctx.scale().longHistoryInteractions());
            }
        }
        return out;
    }

    private static List<Author> authors(GenerationContext ctx) {
        List<Author> authors = new ArrayList<>(AUTHORS);
        for (int k = 0; k < AUTHORS; k++) {
            SplittableRandom r = Seeds.random(ctx.seed(), "author", k);
            boolean uk = k % 4 == 3;
            NameData names = uk ? NameData.ukrainian() : NameData.russian();
            boolean female = r.nextBoolean();
            authors.add(new Author(
                    Seeds.uuid(ctx.seed(), "author", k, ctx.historyStart().toEpochMilli())
                            .toString(),
                    names.given(r, female) + " " + names.family(r, female)));
        }
        return authors;
    }

    private static TableLoad interactions(GenerationContext ctx, Map<Long, Integer> longHistory) throws Exception {
        long started = System.nanoTime();
        Connection c = ctx.connection();
        long n = ctx.scale().members();
        long longTotal =
                longHistory.values().stream().mapToLong(Integer::longValue).sum();
        double mean = Math.max(0, ctx.scale().interactions() - longTotal) / (double) Math.max(1, n);
        List<Author> authors = authors(ctx);
        Map<OrgTree.Unit, long[]> regionMembers = new LinkedHashMap<>();
        for (OrgTree.Unit region : ctx.orgTree().regions()) {
            regionMembers.put(region, new long[1]);
        }
        Set<String> longHistoryLines = new LinkedHashSet<>();
        try (CopyWriter w = CopyWriter.open(
                c,
                "interaction",
                "id, member_id, org_unit_id, type, direction, channel, occurred_at, duration_seconds, subject, body,"
                        + " outcome, phone, tags, source, external_ref, author_id, author_name, created_at,"
                        + " updated_at, version")) {
            for (long from = 0; from < n; from += BLOCK) {
                List<Person> block = LongStream.range(from, Math.min(from + BLOCK, n))
                        .parallel()
                        .mapToObj(i -> Person.generate(ctx, i))
                        .toList();
                for (Person p : block) {
                    OrgTree.Unit region = OrgTree.regionOf(p.unit());
                    if (region != null && p.archivedAt() == null) {
                        regionMembers.get(region)[0]++;
                    }
                    SplittableRandom r = Seeds.random(ctx.seed(), "interaction", p.index());
                    Integer fixed = longHistory.get(p.index());
                    int count = fixed != null ? fixed : count(r, mean);
                    if (fixed != null) {
                        longHistoryLines.add(p.id() + "\t" + fixed);
                    }
                    for (int k = 0; k < count; k++) {
                        write(ctx, p, k, r, authors, w);
                    }
                }
            }
            w.finish();
            c.commit();
            writeSamples(ctx, longHistoryLines, regionMembers);
            return new TableLoad("interaction", w.rows(), System.nanoTime() - started);
        }
    }

    /** How many interactions an ordinary member has: none for some, long-tailed around the mean for the others. */
    static int count(SplittableRandom r, double mean) {
        if (r.nextDouble() < NEVER_CONTACTED) {
            return 0;
        }
        double m = mean / (1 - NEVER_CONTACTED);
        long c = Math.round(m * Math.exp(SIGMA * r.nextGaussian() - SIGMA * SIGMA / 2));
        return (int) Math.max(1, Math.min(MAX_PER_MEMBER, c));
    }

    private static void write(
            GenerationContext ctx, Person p, int k, SplittableRandom r, List<Author> authors, CopyWriter w)
            throws Exception {
        String type = pick(r, TYPES, TYPE_WEIGHTS);
        String channel = channel(type, r);
        String outcome = outcome(type, channel, r);
        boolean inbound =
                switch (type) {
                    case "CALL", "SMS", "EMAIL", "TELEGRAM" -> r.nextDouble() < 0.15;
                    default -> false;
                };
        long start = Math.max(p.createdAt().getEpochSecond(), ctx.historyStart().getEpochSecond());
        long span = Math.max(1, ctx.now().getEpochSecond() - start);
        // density grows linearly towards the present: recent years hold most of the history
        long atSec = start + (long) (span * Math.sqrt(r.nextDouble()));
        Instant at =
                Instant.ofEpochSecond(Math.min(atSec, ctx.now().getEpochSecond() - 1), r.nextInt(1000) * 1_000_000L);
        Integer duration = null;
        if (type.equals("CALL") && "REACHED".equals(outcome)) {
            duration = 20 + r.nextInt(900);
        } else if (type.equals("MEETING") || type.equals("TRAINING")) {
            duration = 1800 + 300 * r.nextInt(19);
        }
        boolean uk = p.ukrainian();
        String subject = r.nextDouble() < 0.3 ? NameData.pick(r, uk ? UK_SUBJECTS : RU_SUBJECTS) : null;
        String body = r.nextDouble() < 0.2 ? NameData.pick(r, uk ? UK_BODIES : RU_BODIES) : null;
        String phone = type.equals("CALL") && !p.phones().isEmpty() ? p.phones().get(0) : null;
        double s = r.nextDouble();
        String source = type.equals("TELEGRAM") && s < 0.5 ? "BOT" : s < 0.6 ? "UI" : s < 0.85 ? "API" : "IMPORT";
        Author author = authors.get(r.nextInt(authors.size()));
        long delay =
                switch (source) {
                    case "IMPORT" -> 86_400L + r.nextInt(30 * 86_400);
                    case "API" -> r.nextInt(3_600);
                    case "BOT" -> r.nextInt(60);
                    default -> r.nextInt(600);
                };
        Instant created = at.plusSeconds(delay);
        if (created.isAfter(ctx.now())) {
            created = ctx.now();
        }
        List<String> tags = r.nextDouble() < 0.05 ? List.of(uk ? "вибори-2026" : "выборы-2026") : List.of();
        UUID id = Seeds.uuid(ctx.seed(), "interaction", (p.index() << 20) | k, at.toEpochMilli());
        w.value(id)
                .value(p.id())
                .value(p.unit().id())
                .value(type)
                .value(inbound ? "INBOUND" : "OUTBOUND")
                .value(channel)
                .value(at)
                .value(duration)
                .value(subject)
                .value(body)
                .value(outcome)
                .value(phone)
                .textArray(tags)
                .value(source)
                .value(source.equals("API") || source.equals("IMPORT") ? "crm:" + id : null)
                .value(
                        source.equals("API") || source.equals("IMPORT")
                                ? ctx.key().callerId()
                                : author.id())
                .value(source.equals("API") || source.equals("IMPORT") ? "CRM sync" : author.name())
                .value(created)
                .value(created)
                .value(0);
        w.endRow();
    }

    static String channel(String type, SplittableRandom r) {
        return switch (type) {
            case "CALL" -> "PHONE";
            case "SMS" -> "SMS";
            case "EMAIL" -> "EMAIL";
            case "TELEGRAM" -> "TELEGRAM";
            case "MEETING", "TRAINING" -> "IN_PERSON";
            case "VISIT" -> "VISIT";
            case "CANVASS" -> {
                double c = r.nextDouble();
                yield c < 0.6 ? "VISIT" : c < 0.85 ? "PHONE" : "IN_PERSON";
            }
            case "NOTE" -> "OTHER";
            default -> r.nextBoolean() ? "OTHER" : "POST";
        };
    }

    static String outcome(String type, String channel, SplittableRandom r) {
        if (type.equals("NOTE")) {
            return null;
        }
        double o = r.nextDouble();
        return switch (channel) {
            case "PHONE" ->
                o < 0.50
                        ? "REACHED"
                        : o < 0.70
                                ? "LEFT_MESSAGE"
                                : o < 0.85
                                        ? "INACCESSIBLE"
                                        : o < 0.93 ? "REFUSED" : o < 0.97 ? "WRONG_NUMBER" : "OTHER";
            case "VISIT" ->
                o < 0.45 ? "REACHED" : o < 0.80 ? "NOT_HOME" : o < 0.90 ? "REFUSED" : o < 0.94 ? "MOVED" : "OTHER";
            case "IN_PERSON" -> o < 0.92 ? "REACHED" : o < 0.97 ? "REFUSED" : "OTHER";
            case "SMS", "EMAIL", "TELEGRAM" -> o < 0.35 ? "REACHED" : o < 0.40 ? "REFUSED" : null;
            default -> o < 0.5 ? "OTHER" : null;
        };
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static void writeSamples(
            GenerationContext ctx, Set<String> longHistoryLines, Map<OrgTree.Unit, long[]> regionMembers)
            throws Exception {
        Files.createDirectories(ctx.samplesDir());
        try (BufferedWriter w =
                Files.newBufferedWriter(ctx.samplesDir().resolve("long-history.tsv"), StandardCharsets.UTF_8)) {
            w.write("id\tinteractions\n");
            for (String line : longHistoryLines) {
                w.write(line + "\n");
            }
        }
        try (BufferedWriter w =
                Files.newBufferedWriter(ctx.samplesDir().resolve("regions.tsv"), StandardCharsets.UTF_8)) {
            w.write("id\tcode\tpath\tmembers\n");
            for (Map.Entry<OrgTree.Unit, long[]> e : regionMembers.entrySet()) {
                OrgTree.Unit u = e.getKey();
                w.write(u.id() + "\t" + u.code() + "\t" + u.path() + "\t" + e.getValue()[0] + "\n");
            }
        }
    }
}
