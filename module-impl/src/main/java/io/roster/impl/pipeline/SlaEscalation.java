package io.roster.impl.pipeline;

import io.roster.api.pipeline.TaskPriority;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.spi.pipeline.TaskNotification;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run of the SLA job over a JDBC connection in the caller's transaction. Breached cards are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent runs (two app instances) take disjoint cards, and marked
 * {@code escalated_at} in the same transaction, so a card is escalated once per stay in a stage whichever instance
 * gets it; each escalation is in the audit trail as {@code task.escalated} by {@code system}. The pipeline's
 * {@code SLA_BREACH} rules are read with SQL's jsonb functions: this module has no JSON
 * reader of its own.
 */
public final class SlaEscalation {
    private final Consumer<TaskNotification> sink;

    public SlaEscalation(Consumer<TaskNotification> sink) {
        this.sink = sink;
    }

    /** Escalates up to {@code max} cards breached at {@code now}; returns how many. */
    public int run(Connection c, Instant now, int max) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select t.id, t.pipeline_id, t.org_unit_id, t.member_id,"
                + " t.stage, t.assignee_id, t.priority, t.watchers, t.title, p.key from task t"
                + " join pipeline p on p.id = t.pipeline_id"
                + " where t.closed_at is null and t.escalated_at is null and t.sla_due_at <= ?"
                + " order by t.sla_due_at, t.id limit ? for update of t skip locked")) {
            ps.setObject(1, at);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array w = rs.getArray(8);
                    claimed.add(new Claimed(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            w == null ? List.of() : Arrays.asList((String[]) w.getArray()),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        for (Claimed t : claimed) {
            escalate(c, t, at);
        }
        return claimed.size();
    }

    private void escalate(Connection c, Claimed t, OffsetDateTime at) throws SQLException {
        String assignee = t.assigneeId;
        String priority = t.priority;
        List<String> done = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a->>'action', a->>'staffId', a->>'message'"
                + " from pipeline p, jsonb_array_elements(p.automations) with ordinality as r(a, n)"
                + " where p.id = ? and a->>'on' = 'SLA_BREACH' and a->>'stage' = ? order by n")) {
            ps.setObject(1, t.pipelineId);
            ps.setString(2, t.stage);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "ASSIGN" -> {
                            if (rs.getString(2) != null && !rs.getString(2).equals(assignee)) {
                                assignee = rs.getString(2);
                                done.add("ASSIGN");
                            }
                        }
                        case "RAISE_PRIORITY" -> {
                            String raised =
                                    TaskPriority.valueOf(priority).raised().name();
                            if (!raised.equals(priority)) {
                                priority = raised;
                                done.add("RAISE_PRIORITY");
                            }
                        }
                        case "NOTIFY" -> {
                            messages.add(rs.getString(3));
                            done.add("NOTIFY");
                        }
                        default -> {
                            // other actions are refused on SLA_BREACH by the definition rules
                        }
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update task set escalated_at = ?, assignee_id = ?,"
                + " priority = ?, updated_at = ?, version = version + 1 where id = ?")) {
            ps.setObject(1, at);
            ps.setString(2, assignee);
            ps.setString(3, priority);
            ps.setObject(4, at);
            ps.setObject(5, t.id);
            ps.executeUpdate();
        }
        history(c, t, "ESCALATED", null, null, done.isEmpty() ? "none" : String.join(",", done), at);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("actions", done);
        changes.put("assigneeId", Arrays.asList(t.assigneeId, assignee));
        changes.put("priority", Arrays.asList(t.priority, priority));
        // Appended to the hash chain like every audit entry (audit_event accepts rows only through audit_append).
        try (PreparedStatement ps = c.prepareStatement("select audit_append(?, ?, 'system', 'SYSTEM', 'Roster',"
                + " 'SYSTEM', 'task.escalated', 'task', ?, ?, ?, null, cast(? as jsonb))")) {
            ps.setObject(1, Ids.newUuid());
            ps.setObject(2, at);
            ps.setObject(3, t.id);
            ps.setObject(4, t.memberId);
            ps.setObject(5, t.orgUnitId);
            ps.setString(6, Json.write(changes));
            ps.executeQuery().close();
        }
        if (!java.util.Objects.equals(assignee, t.assigneeId)) {
            history(c, t, "ASSIGNEE", t.assigneeId, assignee, null, at);
            if (t.memberId != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("pipelineId", t.pipelineId.toString());
                data.put("pipelineKey", t.pipelineKey);
                data.put("stage", t.stage);
                data.put("from", t.assigneeId);
                data.put("to", assignee);
                data.put("by", "system");
                data.put("reason", "SLA_BREACH");
                try (PreparedStatement ps = c.prepareStatement("insert into timeline_entry (id, member_id, kind,"
                        + " occurred_at, type, ref_id, title, data) values (?, ?, 'TASK', ?, 'ASSIGNED', ?, ?,"
                        + " cast(? as jsonb))")) {
                    ps.setObject(1, Ids.newUuid());
                    ps.setObject(2, t.memberId);
                    ps.setObject(3, at);
                    ps.setObject(4, t.id);
                    ps.setString(5, t.title);
                    ps.setString(6, Json.write(data));
                    ps.executeUpdate();
                }
            }
        }
        List<String> recipients = TaskRules.recipients(assignee, t.watchers);
        for (String m : messages) {
            sink.accept(new TaskNotification(
                    "SLA_BREACH", t.id.toString(), t.pipelineId.toString(), t.stage, recipients, m));
        }
    }

    private static void history(
            Connection c,
            Claimed t,
            String kind,
            String fromAssignee,
            String toAssignee,
            String reason,
            OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into task_history (id, task_id, pipeline_id,"
                + " org_unit_id, kind, from_assignee, to_assignee, reason, at, by_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'system')")) {
            ps.setObject(1, Ids.newUuid());
            ps.setObject(2, t.id);
            ps.setObject(3, t.pipelineId);
            ps.setObject(4, t.orgUnitId);
            ps.setString(5, kind);
            ps.setString(6, fromAssignee);
            ps.setString(7, toAssignee);
            ps.setString(8, reason);
            ps.setObject(9, at);
            ps.executeUpdate();
        }
    }

    private record Claimed(
            UUID id,
            UUID pipelineId,
            UUID orgUnitId,
            UUID memberId,
            String stage,
            String assigneeId,
            String priority,
            List<String> watchers,
            String title,
            String pipelineKey) {}
}
