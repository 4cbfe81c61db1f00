package io.roster.impl.report;

import io.roster.api.error.NotFoundException;
import io.roster.api.error.ValidationException;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.report.BranchScore;
import io.roster.api.report.ChannelCount;
import io.roster.api.report.Dashboard;
import io.roster.api.report.DashboardQuery;
import io.roster.api.report.MonthCount;
import io.roster.api.report.ReportService;
import io.roster.api.security.Permission;
import io.roster.impl.common.RosterClock;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's aggregates. Each is one grouped statement over the period, read through an index on the time
 * column ({@code member_created_idx}, {@code member_joined_idx}, {@code interaction_time_idx} of V8), so its cost
 * grows with what happened in the period and the caller's units, not with the whole history.
 */
@ApplicationScoped
public class DefaultReportService implements ReportService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public Dashboard dashboard(DashboardQuery query) {
        access.require(Permission.MEMBER_READ);
        int months = query.months() == null ? DashboardQuery.DEFAULT_MONTHS : query.months();
        if (months < 1 || months > DashboardQuery.MAX_MONTHS) {
            throw ValidationException.of("months", "range", "months is 1–" + DashboardQuery.MAX_MONTHS);
        }
        OrgUnitEntity unit = null;
        if (query.orgUnitId() != null) {
            try {
                unit = access.visibleUnit(query.orgUnitId());
            } catch (NotFoundException e) {
                throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
            }
        }
        Access.Scope scope = access.scope();
        Instant to = clock.now();
        LocalDate firstMonth = clock.today().withDayOfMonth(1).minusMonths(months - 1L);
        Instant from = firstMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return new Dashboard(query.orgUnitId(), from, to, emptyMonths(firstMonth, months), List.of(), List.of());
        }
        Units units = units(scope, unit);
        return new Dashboard(
                query.orgUnitId(),
                from,
                to,
                newMembers(units, firstMonth, months, from, to),
                contactsByChannel(units, from, to),
                leaderboard(units, ranked(scope, unit), from, to));
    }

    /** The units counted: a condition on {@code u} (an org_unit alias) and its parameters. */
    private record Units(String condition, List<Object> params) {
        String subquery(int firstParam) {
            String sql = condition;
            for (int i = 0; i < params.size(); i++) {
                sql = sql.replace("?" + (char) ('a' + i), "?" + (firstParam + i));
            }
            return "(select u.id from org_unit u where " + sql + ")";
        }
    }

    private static Units units(Access.Scope scope, OrgUnitEntity unit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!scope.unrestricted()) {
            conditions.add("u.path <@ cast(?" + (char) ('a' + params.size()) + " as ltree[])");
            params.add(scope.pathsLiteral());
        }
        if (unit != null) {
            conditions.add("u.path <@ cast(?" + (char) ('a' + params.size()) + " as ltree)");
            params.add(unit.path);
        }
        return new Units(conditions.isEmpty() ? "true" : String.join(" and ", conditions), params);
    }

    private static List<MonthCount> emptyMonths(LocalDate firstMonth, int months) {
        List<MonthCount> out = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            out.add(new MonthCount(firstMonth.plusMonths(i), 0, 0));
        }
        return out;
    }

    private List<MonthCount> newMembers(Units units, LocalDate firstMonth, int months, Instant from, Instant to) {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < months; i++) {
            counts.put(firstMonth.plusMonths(i), new long[2]);
        }
        Query created =
                em.createNativeQuery("select cast(date_trunc('month', m.created_at at time zone 'UTC') as date),"
                        + " count(*) from member m where m.created_at >= ?1 and m.created_at < ?2"
                        + " and m.merged_into_id is null and m.org_unit_id in " + units.subquery(3) + " group by 1");
        created.setParameter(1, from).setParameter(2, to);
        bind(created, units, 3);
        add(counts, created, 0);
        Query joined = em.createNativeQuery("select cast(date_trunc('month', m.joined_on) as date), count(*)"
                + " from member m where m.joined_on >= ?1 and m.joined_on <= ?2"
                + " and m.merged_into_id is null and m.org_unit_id in " + units.subquery(3) + " group by 1");
        joined.setParameter(1, firstMonth).setParameter(2, clock.today());
        bind(joined, units, 3);
        add(counts, joined, 1);
        List<MonthCount> out = new ArrayList<>();
        counts.forEach((month, n) -> out.add(new MonthCount(month, n[0], n[1])));
        return out;
    }

    private static void add(Map<LocalDate, long[]> counts, Query q, int slot) {
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long[] n = counts.get(date(r[0]));
            if (n != null) {
                n[slot] = ((Number) r[1]).longValue();
            }
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private List<ChannelCount> contactsByChannel(Units units, Instant from, Instant to) {
        Query q = em.createNativeQuery("select i.channel, count(*) from interaction i"
                + " where i.occurred_at >= ?1 and i.occurred_at < ?2 and i.deleted_at is null"
                + " and i.org_unit_id in " + units.subquery(3) + " group by 1 order by 2 desc, 1");
        q.setParameter(1, from).setParameter(2, to);
        bind(q, units, 3);
        List<ChannelCount> out = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new ChannelCount(InteractionChannel.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        }
        return out;
    }

    /**
     * The units a leaderboard ranks: the children of the unit asked for; without one, the roots of the caller's
     * scope, or their children when there is a single root (an organisation or a region ranks its branches).
     */
    private List<UUID> ranked(Access.Scope scope, OrgUnitEntity unit) {
        UUID parent;
        if (unit != null) {
            parent = unit.id;
        } else {
            List<UUID> roots = scope.unrestricted()
                    ? uuids(em.createNativeQuery("select id from org_unit where parent_id is null")
                            .getResultList())
                    : uuids(em.createNativeQuery("select id from org_unit where path = any(cast(?1 as ltree[]))")
                            .setParameter(1, scope.pathsLiteral())
                            .getResultList());
            if (roots.size() != 1) {
                return roots;
            }
            parent = roots.get(0);
        }
        return uuids(em.createNativeQuery("select id from org_unit where parent_id = ?1")
                .setParameter(1, parent)
                .getResultList());
    }

    private static List<UUID> uuids(List<?> rows) {
        return rows.stream().map(UUID.class::cast).toList();
    }

    private List<BranchScore> leaderboard(Units units, List<UUID> ranked, Instant from, Instant to) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        String counted = units.subquery(4);
        Query q = em.createNativeQuery(
                "with r as (select id, name, path from org_unit where id = any(cast(?3 as uuid[]))),"
                        + " c as (select i.org_unit_id, count(*) n from interaction i where i.occurred_at >= ?1"
                        + "   and i.occurred_at < ?2 and i.deleted_at is null and i.org_unit_id in " + counted
                        + " group by 1),"
                        + " nm as (select m.org_unit_id, count(*) n from member m where m.created_at >= ?1 and m.created_at < ?2"
                        + "   and m.merged_into_id is null and m.org_unit_id in " + counted + " group by 1)"
                        + " select r.id, r.name,"
                        + "  coalesce((select sum(c.n) from c join org_unit d on d.id = c.org_unit_id where d.path <@ r.path), 0),"
                        + "  coalesce((select sum(nm.n) from nm join org_unit d on d.id = nm.org_unit_id where d.path <@ r.path), 0)"
                        + " from r order by 3 desc, 4 desc, r.name, r.id limit " + Dashboard.LEADERBOARD_SIZE);
        q.setParameter(1, from).setParameter(2, to);
        q.setParameter(
                3, "{" + String.join(",", ranked.stream().map(UUID::toString).toList()) + "}");
        bind(q, units, 4);
        List<BranchScore> out = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new BranchScore(
                    r[0].toString(), (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        return out;
    }

    private static void bind(Query q, Units units, int firstParam) {
        for (int i = 0; i < units.params().size(); i++) {
            q.setParameter(firstParam + i, units.params().get(i));
        }
    }
}
