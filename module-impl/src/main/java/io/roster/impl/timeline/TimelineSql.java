package io.roster.impl.timeline;

import io.roster.api.timeline.EntryKind;
import io.roster.api.timeline.TimelineQuery;
import io.roster.impl.member.SqlQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of a timeline page, built in one place so that the service and the query-plan test run the same text. A
 * page is one statement: the member's row (its merge pointer and home-unit path, for the scope check) and, when it
 * has not been merged away, one range scan of {@code timeline_member_time_idx} (or {@code
 * timeline_member_kind_time_idx} with one kind) that stops after {@code limit + 1} rows. Reading both in one round trip
 * matters: the page itself costs a fraction of a millisecond, so every extra statement shows in the response time.
 */
public final class TimelineSql {
    static final String COLUMNS =
            "t.id, t.member_id, t.kind, t.occurred_at, t.type, t.channel, t.ref_id, t.title, t.data";

    /**
     * The member row the page hangs on: no row for an unknown member; {@code merged_into} set for a merged-away one,
     * whose page is then empty; otherwise the page's rows (or one row of nulls when it has none) follow its columns.
     */
    private static final String MEMBER = "select h.merged_into, h.unit_path, p.* from (select m.id as member_ref,"
            + " m.merged_into_id::text as merged_into, u.path::text as unit_path from member m join org_unit u"
            + " on u.id = m.org_unit_id where m.id = ?) h left join lateral (";

    private TimelineSql() {}

    /**
     * The statement for a page, with JDBC {@code ?} parameters.
     *
     * @param memberId the member as asked for: the statement reads its merge pointer and home unit, the caller follows
     *     merges and checks scope
     * @param q the filters; its page is ignored
     * @param afterAt the cursor's time, or {@code null} for the first page
     * @param afterId the cursor's id, or {@code null} for the first page
     * @param limit rows to read: one more than the page, to know whether there is a next one
     */
    public static SqlQuery build(UUID memberId, TimelineQuery q, Instant afterAt, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(MEMBER);
        params.add(memberId);
        sql.append("select ").append(COLUMNS).append(" from timeline_entry t where h.merged_into is null");
        // The member comes from the outer row, not from a second parameter. Given the id itself, the planner prices
        // each member's scan by its own statistics: for a member with a long history the plan for that value looks
        // cheaper than the generic one, so PostgreSQL plans the statement again on every execution (twice the time of
        // the page itself, measured). Through the outer row every member is priced alike and the cached generic plan
        // (the same index range scan) is used.
        sql.append(" and t.member_id = h.member_ref");
        if (q.kinds() != null && !q.kinds().isEmpty()) {
            in(sql, params, "t.kind", q.kinds().stream().map(EntryKind::name).toList());
        }
        if (q.types() != null && !q.types().isEmpty()) {
            in(sql, params, "t.type", q.types());
        }
        if (q.channels() != null && !q.channels().isEmpty()) {
            in(sql, params, "t.channel", q.channels());
        }
        if (q.from() != null) {
            sql.append(" and t.occurred_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" and t.occurred_at < ?");
            params.add(q.to());
        }
        if (afterId != null) {
            // A row comparison is an index range condition; the equivalent "a < x or (a = x and b < y)" is only a
            // filter, and a deep page then reads and discards every entry before the cursor.
            sql.append(" and (t.occurred_at, t.id) < (?, ?)");
            params.add(afterAt);
            params.add(afterId);
        }
        sql.append(" order by t.occurred_at desc, t.id desc limit ")
                .append(limit)
                .append(") p on true");
        return new SqlQuery(sql.toString(), params);
    }

    private static void in(StringBuilder sql, List<Object> params, String column, Collection<String> values) {
        sql.append(" and ").append(column).append(" in (");
        boolean first = true;
        for (String v : values) {
            sql.append(first ? "?" : ", ?");
            params.add(v);
            first = false;
        }
        sql.append(')');
    }
}
