package io.roster.impl.pipeline;

import io.roster.api.pipeline.PipelineMetrics;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageMetrics;
import io.roster.api.pipeline.WeekMetrics;
import io.roster.impl.persistence.PipelineEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The numbers of a pipeline, in five statements over {@code task} (cards now) and {@code task_history} (entries into
 * stages, stays that ended, closings), each bounded by the pipeline and the period through
 * {@code task_history_pipeline_idx}.
 */
@ApplicationScoped
public class PipelineMetricsQuery {
    @PersistenceContext
    EntityManager em;

    PipelineMetrics run(
            PipelineEntity p,
            Access.Scope scope,
            String subtree,
            String orgUnitId,
            Instant from,
            Instant to,
            LocalDate today) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            String unitFilter = unitFilter(scope, subtree);
            Map<String, Long> cards = new HashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("select t.stage, count(*) from task t where t.pipeline_id = ?"
                            + unitFilter.replace("$", "t") + " group by t.stage")) {
                int i = bind(ps, 1, p, scope, subtree);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cards.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Map<String, Long> entered = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select h.to_stage, count(distinct h.task_id)"
                    + " from task_history h where h.pipeline_id = ?" + unitFilter.replace("$", "h")
                    + " and h.kind in ('CREATED', 'STAGE') and h.at >= ? and h.at < ? group by h.to_stage")) {
                int i = bind(ps, 1, p, scope, subtree);
                period(ps, i, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entered.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Map<String, double[]> stays = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select h.from_stage,"
                    + " percentile_cont(0.5) within group (order by extract(epoch from h.at - h.from_entered_at)),"
                    + " percentile_cont(0.9) within group (order by extract(epoch from h.at - h.from_entered_at))"
                    + " from task_history h where h.pipeline_id = ?" + unitFilter.replace("$", "h")
                    + " and h.kind = 'STAGE' and h.from_entered_at is not null and h.at >= ? and h.at < ?"
                    + " group by h.from_stage")) {
                int i = bind(ps, 1, p, scope, subtree);
                period(ps, i, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stays.put(rs.getString(1), new double[] {rs.getDouble(2) / 3600, rs.getDouble(3) / 3600});
                    }
                }
            }
            List<String> stageKeys = p.stages.stream().map(Stage::key).toList();
            Map<String, Long> converted = new HashMap<>();
            if (stageKeys.size() > 1) {
                try (PreparedStatement ps = c.prepareStatement("select e.to_stage, count(distinct e.task_id)"
                        + " from task_history e join unnest(?, ?) as s(stage, next) on s.stage = e.to_stage"
                        + " where e.pipeline_id = ?" + unitFilter.replace("$", "e")
                        + " and e.kind in ('CREATED', 'STAGE') and e.at >= ? and e.at < ?"
                        + " and exists (select 1 from task_history n where n.task_id = e.task_id"
                        + " and n.kind = 'STAGE' and n.to_stage = s.next and n.at >= e.at)"
                        + " group by e.to_stage")) {
                    ps.setArray(
                            1,
                            c.createArrayOf(
                                    "text",
                                    stageKeys.subList(0, stageKeys.size() - 1).toArray()));
                    ps.setArray(
                            2,
                            c.createArrayOf(
                                    "text",
                                    stageKeys.subList(1, stageKeys.size()).toArray()));
                    int i = bind(ps, 3, p, scope, subtree);
                    period(ps, i, from, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            converted.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            long overdue;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from task t where t.pipeline_id = ?"
                    + unitFilter.replace("$", "t") + " and t.closed_at is null and t.due_on < ?")) {
                int i = bind(ps, 1, p, scope, subtree);
                ps.setObject(i, today);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    overdue = rs.getLong(1);
                }
            }
            Map<LocalDate, long[]> weekCounts = new TreeMap<>();
            Map<LocalDate, Map<String, Long>> weekReasons = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select cast(date_trunc('week', h.at at time zone 'UTC') as date), h.kind, h.reason, count(*)"
                            + " from task_history h where h.pipeline_id = ?" + unitFilter.replace("$", "h")
                            + " and h.kind in ('COMPLETED', 'ABANDONED') and h.at >= ? and h.at < ?"
                            + " group by 1, 2, 3")) {
                int i = bind(ps, 1, p, scope, subtree);
                period(ps, i, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate week = rs.getObject(1, LocalDate.class);
                        long n = rs.getLong(4);
                        long[] counts = weekCounts.computeIfAbsent(week, w -> new long[2]);
                        if (rs.getString(2).equals("COMPLETED")) {
                            counts[0] += n;
                        } else {
                            counts[1] += n;
                            weekReasons
                                    .computeIfAbsent(week, w -> new TreeMap<>())
                                    .merge(String.valueOf(rs.getString(3)), n, Long::sum);
                        }
                    }
                }
            }
            List<StageMetrics> stages = new ArrayList<>();
            for (int k = 0; k < stageKeys.size(); k++) {
                String s = stageKeys.get(k);
                long in = entered.getOrDefault(s, 0L);
                double[] stay = stays.get(s);
                Double conversion =
                        k == stageKeys.size() - 1 || in == 0 ? null : converted.getOrDefault(s, 0L) / (double) in;
                stages.add(new StageMetrics(
                        s,
                        cards.getOrDefault(s, 0L),
                        in,
                        stay == null ? null : round(stay[0]),
                        stay == null ? null : round(stay[1]),
                        conversion == null ? null : round(conversion)));
            }
            List<WeekMetrics> weeks = new ArrayList<>();
            weekCounts.forEach(
                    (w, n) -> weeks.add(new WeekMetrics(w, n[0], n[1], weekReasons.getOrDefault(w, Map.of()))));
            return new PipelineMetrics(p.id.toString(), orgUnitId, from, to, stages, overdue, weeks);
        });
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The unit condition with {@code $} for the table alias: scope and the asked subtree. */
    private static String unitFilter(Access.Scope scope, String subtree) {
        StringBuilder b = new StringBuilder();
        if (!scope.unrestricted()) {
            b.append(" and $.org_unit_id in (select u.id from org_unit u where u.path <@ cast(? as ltree[]))");
        }
        if (subtree != null) {
            b.append(" and $.org_unit_id in (select u.id from org_unit u where u.path <@ cast(? as ltree))");
        }
        return b.toString();
    }

    private static int bind(PreparedStatement ps, int i, PipelineEntity p, Access.Scope scope, String subtree)
            throws SQLException {
        ps.setObject(i++, p.id);
        if (!scope.unrestricted()) {
            ps.setString(i++, scope.pathsLiteral());
        }
        if (subtree != null) {
            ps.setString(i++, subtree);
        }
        return i;
    }

    private static void period(PreparedStatement ps, int i, Instant from, Instant to) throws SQLException {
        ps.setObject(i, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(i + 1, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
}
