package io.roster.bench.load;

import io.roster.impl.common.Ids;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one-shot bulk logging measurement ({@code bulk-log-5000}): {@code POST /interaction-batches} with 5,000 members
 * of one region, timed a few times over HTTP, next to the same rows written over JDBC in one transaction — the
 * service's own statements (batched inserts of 5,000 interactions and 5,000 timeline entries, one UPDATE of the last
 * contact) without the HTTP, JSON, validation and ORM layers. Everything written carries the load tag, so the runner
 * removes it afterwards.
 */
public final class BulkLog {
    public static final int MEMBERS = 5_000;
    public static final int RUNS = 5;
    static final String SUBJECT = "Обход ул. Ленина, 12";

    private BulkLog() {}

    /** The members of a batch: as many as there are of the region, the rest from elsewhere. */
    public record Batch(String region, long fromRegion, List<UUID> ids, List<UUID> units) {}

    /** What was measured, in milliseconds per run. */
    public record Result(Batch batch, List<Double> httpMs, List<Double> rawMs) {
        public double httpMedianMs() {
            return median(httpMs);
        }

        public double rawMedianMs() {
            return median(rawMs);
        }
    }

    /**
     * Live members of the region first, then others, up to {@link #MEMBERS}; long-history members and members the load
     * created (removed before the raw runs) left out.
     */
    public static Batch batch(String url, Samples s) throws Exception {
        Samples.Region region = s.biggestRegion();
        List<UUID> ids = new ArrayList<>();
        List<UUID> units = new ArrayList<>();
        long inRegion = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement ps = c.prepareStatement("select m.id, m.org_unit_id, u.path <@ cast(? as ltree)"
                        + " from member m join org_unit u on u.id = m.org_unit_id"
                        + " where m.archived_at is null and m.merged_into_id is null and m.id <> all(?)"
                        + " and not m.tags @> array['" + Scenarios.LOAD_TAG + "']"
                        + " order by 3 desc, m.id limit ?")) {
            ps.setString(1, region.path());
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "uuid",
                            s.longHistory().stream()
                                    .map(l -> UUID.fromString(l.id()))
                                    .toArray()));
            ps.setInt(3, MEMBERS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    units.add(rs.getObject(2, UUID.class));
                    if (rs.getBoolean(3)) {
                        inRegion++;
                    }
                }
            }
        }
        return new Batch(region.code(), inRegion, ids, units);
    }

    /** The request body: a door-to-door round, not at home, for every member of the batch. */
    public static String body(Batch b) {
        StringBuilder json = new StringBuilder("{\"interaction\":{\"type\":\"VISIT\",\"channel\":\"VISIT\","
                + "\"outcome\":\"NOT_HOME\",\"subject\":\"" + SUBJECT + "\",\"tags\":[\"" + Scenarios.LOAD_TAG
                + "\"]},\"memberIds\":[");
        for (int i = 0; i < b.ids().size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(b.ids().get(i)).append('"');
        }
        return json.append("]}").toString();
    }

    /** Posts the batch {@code runs} times; milliseconds of each, request sent to answer read. */
    public static List<Double> http(Api api, Batch b, int runs) throws IOException, InterruptedException {
        String body = body(b);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Api.Answer a = api.post("/api/v1/interaction-batches", body);
            if (a.status() != 201) {
                throw new IOException("POST /interaction-batches: " + a.status() + " "
                        + a.body().substring(0, Math.min(500, a.body().length())));
            }
            ms.add(a.nanos() / 1e6);
        }
        return ms;
    }

    /** Writes the same rows over JDBC {@code runs} times, each in one transaction; milliseconds of each. */
    public static List<Double> raw(String url, Batch b, int runs) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                rawOnce(c, b);
                ms.add((System.nanoTime() - started) / 1e6);
            }
        }
        return ms;
    }

    static void rawOnce(Connection c, Batch b) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ins = c.prepareStatement("insert into interaction (id, member_id, org_unit_id, type,"
                        + " direction, channel, occurred_at, duration_seconds, subject, body, outcome, phone, event_id,"
                        + " campaign_id, task_id, tags, source, external_ref, author_id, author_name, created_at,"
                        + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?,"
                        + " ?, ?, 0)");
                PreparedStatement tl = c.prepareStatement("insert into timeline_entry (id, member_id, kind,"
                        + " occurred_at, type, channel, ref_id, title, data) values (?, ?, 'INTERACTION', ?, ?, ?, ?,"
                        + " ?, cast(? as jsonb))");
                PreparedStatement contact = c.prepareStatement("update member set last_contact_at = ?,"
                        + " last_contact_channel = ?, last_outcome = ? where id = any(?)"
                        + " and (last_contact_at is null or last_contact_at <= ?)")) {
            java.sql.Array tags = c.createArrayOf("text", new String[] {Scenarios.LOAD_TAG});
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < b.ids().size(); i++) {
                UUID id = Ids.newUuid();
                UUID member = b.ids().get(i);
                int p = 1;
                ins.setObject(p++, id);
                ins.setObject(p++, member);
                ins.setObject(p++, b.units().get(i));
                ins.setString(p++, "VISIT");
                ins.setString(p++, "OUTBOUND");
                ins.setString(p++, "VISIT");
                ins.setTimestamp(p++, now);
                ins.setObject(p++, null, java.sql.Types.INTEGER);
                ins.setString(p++, SUBJECT);
                ins.setString(p++, null);
                ins.setString(p++, "NOT_HOME");
                ins.setString(p++, null);
                ins.setObject(p++, null, java.sql.Types.OTHER);
                ins.setObject(p++, null, java.sql.Types.OTHER);
                ins.setObject(p++, null, java.sql.Types.OTHER);
                ins.setArray(p++, tags);
                ins.setString(p++, "API");
                ins.setString(p++, "bench");
                ins.setString(p++, "bench");
                ins.setTimestamp(p++, now);
                ins.setTimestamp(p, now);
                ins.addBatch();
                int q = 1;
                tl.setObject(q++, id);
                tl.setObject(q++, member);
                tl.setTimestamp(q++, now);
                tl.setString(q++, "VISIT");
                tl.setString(q++, "VISIT");
                tl.setObject(q++, id);
                tl.setString(q++, SUBJECT);
                tl.setString(q, "{\"direction\":\"OUTBOUND\",\"outcome\":\"NOT_HOME\"}");
                tl.addBatch();
            }
            ins.executeBatch();
            tl.executeBatch();
            contact.setTimestamp(1, now);
            contact.setString(2, "VISIT");
            contact.setString(3, "NOT_HOME");
            contact.setArray(4, c.createArrayOf("uuid", b.ids().toArray()));
            contact.setTimestamp(5, now);
            contact.executeUpdate();
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
