package io.roster.impl.pipeline;

import io.roster.api.pipeline.DueBucket;
import io.roster.api.pipeline.TaskQuery;
import io.roster.impl.member.SqlQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of card lists, built in one place so that the service and {@code TaskPlanTest} run the same text. A board
 * column is one range scan of {@code task_board_idx} from the cursor; "my tasks" one range scan of {@code task_my_idx};
 * both stop after {@code limit} rows.
 */
public final class TaskSql {
    /** The due date "my tasks" sorts by: undated cards last. */
    static final String DUE = "coalesce(t.due_on, date 'infinity')";

    private TaskSql() {}

    /**
     * A page of one board column by rank.
     *
     * @param scopePaths the caller's scope roots as an ltree[] literal, or {@code null} when unrestricted
     * @param subtree only cards of this unit path's subtree, or {@code null}
     * @param afterRank the cursor's rank, or {@code null} for the first page
     */
    public static SqlQuery column(
            UUID pipelineId,
            String stage,
            String scopePaths,
            String subtree,
            String afterRank,
            UUID afterId,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.* from task t where t.pipeline_id = ? and t.stage = ?");
        params.add(pipelineId);
        params.add(stage);
        units(sql, params, scopePaths, subtree);
        if (afterId != null) {
            sql.append(" and (t.rank, t.id) > (?, ?)");
            params.add(afterRank);
            params.add(afterId);
        }
        sql.append(" order by t.rank, t.id limit ").append(limit);
        return new SqlQuery(sql.toString(), params);
    }

    /** How many cards each stage of a pipeline holds (in scope). */
    public static SqlQuery counts(UUID pipelineId, String scopePaths, String subtree) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.stage, count(*) from task t where t.pipeline_id = ?");
        params.add(pipelineId);
        units(sql, params, scopePaths, subtree);
        sql.append(" group by t.stage");
        return new SqlQuery(sql.toString(), params);
    }

    /**
     * A page of one section of "my tasks": open cards of the assignee, by due date (undated last), then id.
     *
     * @param afterDue the cursor's due date as text ({@code infinity} for undated), or {@code null}
     */
    public static SqlQuery mine(
            String assigneeId,
            DueBucket bucket,
            LocalDate today,
            String scopePaths,
            String afterDue,
            UUID afterId,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("select t.* from task t where t.assignee_id = ? and t.closed_at is null and ");
        params.add(assigneeId);
        sql.append(DUE)
                .append(
                        switch (bucket) {
                            case OVERDUE -> " < ?";
                            case TODAY -> " = ?";
                            case UPCOMING -> " > ?";
                        });
        params.add(today);
        units(sql, params, scopePaths, null);
        if (afterId != null) {
            sql.append(" and (").append(DUE).append(", t.id) > (cast(? as date), ?)");
            params.add(afterDue);
            params.add(afterId);
        }
        sql.append(" order by ").append(DUE).append(", t.id limit ").append(limit);
        return new SqlQuery(sql.toString(), params);
    }

    /** A page of a filtered list, newest first. */
    public static SqlQuery list(
            TaskQuery q, UUID pipelineId, UUID memberId, String scopePaths, String subtree, UUID beforeId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.* from task t where true");
        if (pipelineId != null) {
            sql.append(" and t.pipeline_id = ?");
            params.add(pipelineId);
        }
        if (q.assigneeId() != null) {
            sql.append(" and t.assignee_id = ?");
            params.add(q.assigneeId());
        }
        if (memberId != null) {
            sql.append(" and t.member_id = ?");
            params.add(memberId);
        }
        if (q.label() != null) {
            sql.append(" and t.labels @> array[cast(? as text)]");
            params.add(q.label());
        }
        if (q.dueFrom() != null) {
            sql.append(" and t.due_on >= ?");
            params.add(q.dueFrom());
        }
        if (q.dueTo() != null) {
            sql.append(" and t.due_on <= ?");
            params.add(q.dueTo());
        }
        if (q.category() != null) {
            sql.append(" and t.stage_category = ?");
            params.add(q.category().name());
        }
        units(sql, params, scopePaths, subtree);
        if (beforeId != null) {
            sql.append(" and t.id < ?");
            params.add(beforeId);
        }
        sql.append(" order by t.id desc limit ").append(limit);
        return new SqlQuery(sql.toString(), params);
    }

    private static void units(StringBuilder sql, List<Object> params, String scopePaths, String subtree) {
        if (scopePaths != null) {
            sql.append(" and t.org_unit_id in (select u.id from org_unit u where u.path <@ cast(? as ltree[]))");
            params.add(scopePaths);
        }
        if (subtree != null) {
            sql.append(" and t.org_unit_id in (select u.id from org_unit u where u.path <@ cast(? as ltree))");
            params.add(subtree);
        }
    }
}
