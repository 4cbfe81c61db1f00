package io.roster.bench.generate;

import io.roster.bench.Seeds;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Events and attendance. Each district held {@link io.roster.bench.Scale#eventsPerDistrict()} events (meetings,
 * pickets, party-school trainings) over the history window, about a tenth of them still ahead; one pass over all
 * members signs up about one in ten of a district's members (those who joined before the event) for each of its
 * events: attended, no-show, registered and never marked, or cancelled — only registrations for events ahead.
 * Then, set-based: the attendees' timeline entries (kind ATTENDANCE, as the service writes them: dated at the
 * event's start, type = status, channel IN_PERSON when attended, title = the event's title), the events'
 * {@code registered}/{@code attended} counters, and the last contact of members whose attended event is later than
 * their last interaction.
 */
public final class EventStage implements GeneratorStage {
    private static final int BLOCK = 4_096;
    private static final double SIGN_UP = 0.10;

    private static final List<String> RU_EVENTS = List.of(
            "Собрание отделения",
            "Встреча с депутатом",
            "Пикет у администрации",
            "Субботник во дворах",
            "Круглый стол: ЖКХ района",
            "Встреча с жителями микрорайона");
    private static final List<String> UK_EVENTS = List.of(
            "Збори осередку",
            "Зустріч з депутатом",
            "Пікет біля адміністрації",
            "Толока у дворах",
            "Круглий стіл: ЖКГ району",
            "Зустріч з мешканцями мікрорайону");
    private static final List<String> RU_TRAININGS = List.of(
            "Школа агитатора, занятие ", "Обучение наблюдателей, часть ", "Тренинг: работа в соцсетях, модуль ");
    private static final List<String> UK_TRAININGS = List.of(
            "Школа агітатора, заняття ", "Навчання спостерігачів, частина ", "Тренінг: робота в соцмережах, модуль ");

    /** One generated event; few enough (≤ a few thousand) to keep. */
    record Event(
            UUID id,
            OrgTree.Unit district,
            String kind,
            String title,
            Instant startsAt,
            Instant endsAt,
            Integer capacity,
            Instant createdAt) {}

    @Override
    public String name() {
        return "events";
    }

    @Override
    public List<String> tables() {
        return List.of("event", "event_attendance");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        List<TableLoad> loads = new ArrayList<>();
        Connection c = ctx.connection();
        Map<UUID, List<Event>> byDistrict = new HashMap<>();
        loads.add(events(ctx, byDistrict));
        loads.add(attendance(ctx, byDistrict));
        loads.add(InteractionStage.sql(
                c,
                "timeline_entry/attendance",
                // a UUIDv7-shaped id derived from the row: the event's start in the time bits, a hash of the pair
                "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                        + " select cast(lpad(to_hex(cast(extract(epoch from e.starts_at) * 1000 as bigint)), 12, '0')"
                        + " || '7' || substr(h.h, 1, 3) || '8' || substr(h.h, 4, 15) as uuid),"
                        + " a.member_id, 'ATTENDANCE', e.starts_at, a.status,"
                        + " case when a.status = 'ATTENDED' then 'IN_PERSON' end, e.id, e.title,"
                        + " jsonb_build_object('to', a.status, 'eventKind', e.kind, 'by', a.updated_by)"
                        + " from event_attendance a join event e on e.id = a.event_id"
                        + " cross join lateral (select md5(a.event_id::text || a.member_id::text) as h) h"));
        loads.add(InteractionStage.sql(
                c,
                "event/counters (update)",
                "update event e set registered = x.registered, attended = x.attended,"
                        + " capacity = case when e.capacity < x.registered then x.registered else e.capacity end"
                        + " from (select event_id,"
                        + " count(*) filter (where status in ('REGISTERED', 'ATTENDED')) as registered,"
                        + " count(*) filter (where status = 'ATTENDED') as attended"
                        + " from event_attendance group by event_id) x where e.id = x.event_id"));
        loads.add(InteractionStage.sql(
                c,
                "member/last-contact-events (update)",
                // as the service's marking does: the event's start becomes the last contact unless a later one is known
                "update member m set last_contact_at = x.at, last_contact_channel = 'IN_PERSON', last_outcome = null"
                        + " from (select a.member_id, max(e.starts_at) as at from event_attendance a"
                        + " join event e on e.id = a.event_id where a.status = 'ATTENDED' group by a.member_id) x"
                        + " where m.id = x.member_id and (m.last_contact_at is null or m.last_contact_at <= x.at)"));
        return loads;
    }

    private static TableLoad events(GenerationContext ctx, Map<UUID, List<Event>> byDistrict) throws Exception {
        long started = System.nanoTime();
        Connection c = ctx.connection();
        int per = ctx.scale().eventsPerDistrict();
        long start = ctx.historyStart().getEpochSecond() + 30L * 86_400;
        long span = ctx.now().getEpochSecond() - start;
        try (CopyWriter w = CopyWriter.open(
                c,
                "event",
                "id, org_unit_id, kind, title, description, place, starts_at, ends_at, capacity, registered, attended,"
                        + " created_at, updated_at, version")) {
            List<OrgTree.Unit> districts = ctx.orgTree().districts();
            for (int d = 0; d < districts.size(); d++) {
                OrgTree.Unit district = districts.get(d);
                boolean uk = district.ukrainian();
                for (int k = 0; k < per; k++) {
                    long row = (long) d * per + k;
                    SplittableRandom r = Seeds.random(ctx.seed(), "event", row);
                    boolean training = r.nextDouble() < 0.3;
                    String title = training
                            ? NameData.pick(r, uk ? UK_TRAININGS : RU_TRAININGS) + (1 + r.nextInt(8))
                            : NameData.pick(r, uk ? UK_EVENTS : RU_EVENTS);
                    // a tenth ahead (up to two months), the rest over the history, denser in recent years
                    long startsSec = r.nextDouble() < 0.1
                            ? ctx.now().getEpochSecond() + 86_400L * (1 + r.nextInt(60))
                            : start + (long) (span * Math.sqrt(r.nextDouble()));
                    startsSec = startsSec - startsSec % 1800;
                    Instant startsAt = Instant.ofEpochSecond(startsSec);
                    Instant endsAt = startsAt.plusSeconds(3600L * (1 + r.nextInt(4)));
                    Integer capacity = r.nextDouble() < 0.4 ? 30 + 10 * r.nextInt(48) : null;
                    Instant created = startsAt.minusSeconds(86_400L * (7 + r.nextInt(30)));
                    if (created.isAfter(ctx.now())) {
                        created = ctx.now();
                    }
                    Event e = new Event(
                            Seeds.uuid(ctx.seed(), "event", row, created.toEpochMilli()),
                            district,
                            training ? "TRAINING" : "EVENT",
                            title,
                            startsAt,
                            endsAt,
                            capacity,
                            created);
                    byDistrict
                            .computeIfAbsent(district.id(), x -> new ArrayList<>())
                            .add(e);
                    w.value(e.id())
                            .value(district.id())
                            .value(e.kind())
                            .value(title)
                            .value(r.nextDouble() < 0.5 ? (uk ? "Вхід вільний." : "Вход свободный.") : null)
                            .value(uk ? "Приймальня осередку" : "Приёмная отделения")
                            .value(startsAt)
                            .value(endsAt)
                            .value(capacity)
                            .value(0)
                            .value(0)
                            .value(created)
                            .value(created)
                            .value(0);
                    w.endRow();
                }
            }
            w.finish();
            c.commit();
            return new TableLoad("event", w.rows(), System.nanoTime() - started);
        }
    }

    private static TableLoad attendance(GenerationContext ctx, Map<UUID, List<Event>> byDistrict) throws Exception {
        long started = System.nanoTime();
        Connection c = ctx.connection();
        long n = ctx.scale().members();
        String by = ctx.key().callerId();
        try (CopyWriter w =
                CopyWriter.open(c, "event_attendance", "event_id, member_id, status, updated_at, updated_by")) {
            for (long from = 0; from < n; from += BLOCK) {
                List<Person> block = LongStream.range(from, Math.min(from + BLOCK, n))
                        .parallel()
                        .mapToObj(i -> Person.generate(ctx, i))
                        .toList();
                for (Person p : block) {
                    OrgTree.Unit unit = p.unit();
                    OrgTree.Unit district = unit.kind().equals("BRANCH")
                            ? unit.parent()
                            : unit.kind().equals("DISTRICT") ? unit : null;
                    if (district == null) {
                        continue;
                    }
                    List<Event> events = byDistrict.getOrDefault(district.id(), List.of());
                    SplittableRandom r = Seeds.random(ctx.seed(), "attendance", p.index());
                    for (Event e : events) {
                        if (r.nextDouble() >= SIGN_UP || !p.createdAt().isBefore(e.startsAt())) {
                            continue;
                        }
                        double s = r.nextDouble();
                        String status;
                        Instant updated;
                        if (e.startsAt().isAfter(ctx.now())) {
                            status = s < 0.9 ? "REGISTERED" : "CANCELLED";
                            long earliest = Math.max(
                                    e.createdAt().getEpochSecond(),
                                    p.createdAt().getEpochSecond());
                            long latest = ctx.now().getEpochSecond();
                            updated = Instant.ofEpochSecond(
                                    earliest + (latest > earliest ? r.nextLong(latest - earliest) : 0));
                        } else {
                            status = s < 0.65
                                    ? "ATTENDED"
                                    : s < 0.80 ? "NO_SHOW" : s < 0.95 ? "REGISTERED" : "CANCELLED";
                            updated = status.equals("REGISTERED") || status.equals("CANCELLED")
                                    ? e.startsAt().minusSeconds(3600L + r.nextInt(5 * 86_400))
                                    : e.endsAt().plusSeconds(r.nextInt(2 * 86_400));
                            if (updated.isAfter(ctx.now())) {
                                updated = ctx.now();
                            }
                        }
                        w.value(e.id())
                                .value(p.id())
                                .value(status)
                                .value(updated)
                                .value(by);
                        w.endRow();
                    }
                }
            }
            w.finish();
            c.commit();
            return new TableLoad("event_attendance", w.rows(), System.nanoTime() - started);
        }
    }
}
