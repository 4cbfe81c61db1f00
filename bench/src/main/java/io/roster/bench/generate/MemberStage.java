package io.roster.bench.generate;

import io.roster.bench.Seeds;
import io.roster.impl.member.NameKeys;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * Members and what hangs off them: contacts, consents, the consent history and the status history. Each table is a
 * pass of its own over all members (one COPY at a time per connection), regenerating each {@link Person} from the seed;
 * only the member pass computes the search keys, with Roster's own {@link NameKeys}, so fuzzy search behaves exactly
 * as on data the service wrote.
 *
 * <p>The member pass also writes {@code members.tsv} into the samples directory: every k-th live member (at most
 * {@value #MAX_SAMPLES}) with the values load scenarios ask for.
 */
public final class MemberStage implements GeneratorStage {
    static final int MAX_SAMPLES = 5_000;
    private static final int BLOCK = 4_096;

    /** A person with the search and sort keys Roster would store. */
    record Keyed(Person person, String searchKey, String sortKey) {}

    /**
     * A block of members with their keys, computed in parallel: ICU transliteration dominates the member pass, and
     * the block is written in index order afterwards, so the output does not depend on threading.
     */
    private static List<Keyed> keyed(GenerationContext ctx, long from, long to) {
        return LongStream.range(from, to)
                .parallel()
                .mapToObj(i -> {
                    Person p = Person.generate(ctx, i);
                    return new Keyed(
                            p,
                            NameKeys.searchKey(p.given(), p.patronymic(), p.family()),
                            NameKeys.sortKey(p.family(), p.given(), p.patronymic()));
                })
                .toList();
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public List<String> tables() {
        return List.of("member", "member_contact", "member_consent", "member_consent_event", "member_status_change");
    }

    @Override
    public List<TableLoad> load(GenerationContext ctx) throws Exception {
        List<TableLoad> loads = new ArrayList<>();
        loads.add(members(ctx));
        loads.add(pass(
                ctx,
                "member_contact",
                "id, member_id, kind, position, value, lookup, label, is_primary, status, details",
                MemberStage::contacts));
        loads.add(pass(
                ctx,
                "member_consent",
                "member_id, channel, granted, source, evidence, recorded_at, recorded_by",
                MemberStage::consents));
        loads.add(pass(
                ctx,
                "member_consent_event",
                "id, member_id, channel, granted, source, evidence, recorded_at, recorded_by",
                MemberStage::consentEvents));
        loads.add(pass(
                ctx,
                "member_status_change",
                "id, member_id, from_status, to_status, changed_at, changed_by",
                MemberStage::statusChanges));
        return loads;
    }

    /** Writes the rows of one member into one table. */
    @FunctionalInterface
    interface RowWriter {
        void write(GenerationContext ctx, Person p, CopyWriter w) throws Exception;
    }

    private static TableLoad pass(GenerationContext ctx, String table, String columns, RowWriter rows)
            throws Exception {
        long started = System.nanoTime();
        Connection c = ctx.connection();
        try (CopyWriter w = CopyWriter.open(c, table, columns)) {
            for (long i = 0; i < ctx.scale().members(); i++) {
                rows.write(ctx, Person.generate(ctx, i), w);
            }
            w.finish();
            c.commit();
            return new TableLoad(table, w.rows(), System.nanoTime() - started);
        }
    }

    private static TableLoad members(GenerationContext ctx) throws Exception {
        long started = System.nanoTime();
        Connection c = ctx.connection();
        long stride = Math.max(1, ctx.scale().members() / MAX_SAMPLES);
        Files.createDirectories(ctx.samplesDir());
        try (CopyWriter w = CopyWriter.open(
                        c,
                        "member",
                        "id, org_unit_id, given_name, patronymic, family_name, birth_date, gender, preferred_language,"
                                + " status, membership_number, joined_on, left_on, support_level, positions, tags, skills,"
                                + " telegram_username, do_not_contact, custom_attributes, search_key, sort_key,"
                                + " archived_at, created_at, updated_at, version");
                BufferedWriter samples =
                        Files.newBufferedWriter(ctx.samplesDir().resolve("members.tsv"), StandardCharsets.UTF_8)) {
            samples.write("id\tfamily\tgiven\tpatronymic\tukrainian\tphone\temail\tunit\tbirth_date\n");
            for (long from = 0; from < ctx.scale().members(); from += BLOCK) {
                for (Keyed k :
                        keyed(ctx, from, Math.min(from + BLOCK, ctx.scale().members()))) {
                    Person p = k.person();
                    long i = p.index();
                    w.value(p.id())
                            .value(p.unit().id())
                            .value(p.given())
                            .value(p.patronymic())
                            .value(p.family())
                            .value(p.birthDate())
                            .value(p.female() ? "FEMALE" : "MALE")
                            .value(p.ukrainian() ? "UK" : "RU")
                            .value(p.status())
                            .value(p.membershipNumber())
                            .value(p.joinedOn())
                            .value(p.leftOn())
                            .value(p.supportLevel())
                            .value(p.positionsJson())
                            .textArray(p.tags())
                            .textArray(p.skills())
                            .value(p.telegram())
                            .textArray(p.doNotContact())
                            .value("{}")
                            .value(k.searchKey())
                            .value(k.sortKey())
                            .value(p.archivedAt())
                            .value(p.createdAt())
                            .value(p.updatedAt())
                            .value(p.version());
                    w.endRow();
                    if (i % stride == 0 && p.archivedAt() == null) {
                        samples.write(String.join(
                                "\t",
                                p.id().toString(),
                                p.family(),
                                p.given(),
                                p.patronymic() == null ? "" : p.patronymic(),
                                Boolean.toString(p.ukrainian()),
                                p.phones().isEmpty() ? "" : p.phones().get(0),
                                p.email() == null ? "" : p.email(),
                                p.unit().id().toString(),
                                p.birthDate() == null ? "" : p.birthDate().toString()));
                        samples.write('\n');
                    }
                }
            }
            w.finish();
            c.commit();
            return new TableLoad("member", w.rows(), System.nanoTime() - started);
        }
    }

    private static void contacts(GenerationContext ctx, Person p, CopyWriter w) throws Exception {
        int k = 0;
        for (int i = 0; i < p.phones().size(); i++) {
            String phone = p.phones().get(i);
            contact(ctx, p, w, k++, "PHONE", i, phone, phone, i == 0 ? "мобильный" : null, i == 0, null);
        }
        if (p.email() != null) {
            contact(ctx, p, w, k++, "EMAIL", 0, p.email(), p.email(), null, true, null);
        }
        if (p.address() != null) {
            String line = p.addressLine();
            contact(ctx, p, w, k, "ADDRESS", 0, line, line.toLowerCase(Locale.ROOT), "дом", true, p.addressJson());
        }
    }

    private static void contact(
            GenerationContext ctx,
            Person p,
            CopyWriter w,
            int k,
            String kind,
            int position,
            String value,
            String lookup,
            String label,
            boolean primary,
            String details)
            throws Exception {
        // Roster marks a share of numbers as stale or bad after failed calls; the first contact stays active.
        String status = position == 0 ? "ACTIVE" : (p.index() % 7 == 0 ? "STALE" : "ACTIVE");
        w.value(Seeds.uuid(
                        ctx.seed(),
                        "member_contact",
                        p.index() * 8 + k,
                        p.createdAt().toEpochMilli()))
                .value(p.id())
                .value(kind)
                .value(position)
                .value(value)
                .value(lookup)
                .value(label)
                .value(primary)
                .value(status)
                .value(details);
        w.endRow();
    }

    private static void consents(GenerationContext ctx, Person p, CopyWriter w) throws Exception {
        for (Person.ConsentRow c : p.consents()) {
            w.value(p.id())
                    .value(c.channel())
                    .value(c.granted())
                    .value(c.source())
                    .value(c.evidence())
                    .value(c.recordedAt())
                    .value(ctx.key().callerId());
            w.endRow();
        }
    }

    private static void consentEvents(GenerationContext ctx, Person p, CopyWriter w) throws Exception {
        int k = 0;
        for (Person.ConsentRow c : p.consents()) {
            w.value(Seeds.uuid(
                            ctx.seed(),
                            "member_consent_event",
                            p.index() * 8 + k++,
                            c.recordedAt().toEpochMilli()))
                    .value(p.id())
                    .value(c.channel())
                    .value(c.granted())
                    .value(c.source())
                    .value(c.evidence())
                    .value(c.recordedAt())
                    .value(ctx.key().callerId());
            w.endRow();
        }
    }

    private static void statusChanges(GenerationContext ctx, Person p, CopyWriter w) throws Exception {
        int k = 0;
        for (Person.StatusStep s : p.history()) {
            w.value(Seeds.uuid(ctx.seed(), "member_status_change", p.index() * 8 + k++, s.at().toEpochMilli()))
                    .value(p.id())
                    .value(s.from())
                    .value(s.to())
                    .value(s.at())
                    .value(ctx.key().callerId());
            w.endRow();
        }
    }
}
