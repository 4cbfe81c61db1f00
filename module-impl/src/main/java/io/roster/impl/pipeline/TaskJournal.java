package io.roster.impl.pipeline;

import io.roster.api.timeline.EntryKind;
import io.roster.impl.common.Ids;
import io.roster.impl.persistence.TaskEntity;
import io.roster.impl.timeline.TimelineWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a card's history line and, for a card about a member, the matching entry of the member's timeline, in the
 * transaction of the change.
 */
@ApplicationScoped
public class TaskJournal {
    @PersistenceContext
    EntityManager em;

    @Inject
    TimelineWriter timeline;

    /** One line of history, as described by {@link io.roster.api.pipeline.TaskChange}. */
    public void history(
            TaskEntity t,
            String kind,
            String fromStage,
            String toStage,
            Instant fromEnteredAt,
            String fromAssignee,
            String toAssignee,
            String reason,
            Instant at,
            String by) {
        em.createNativeQuery("insert into task_history (id, task_id, pipeline_id, org_unit_id, kind, from_stage,"
                        + " to_stage, from_entered_at, from_assignee, to_assignee, reason, at, by_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, t.id)
                .setParameter(3, t.pipelineId)
                .setParameter(4, t.orgUnitId)
                .setParameter(5, kind)
                .setParameter(6, fromStage)
                .setParameter(7, toStage)
                .setParameter(8, fromEnteredAt)
                .setParameter(9, fromAssignee)
                .setParameter(10, toAssignee)
                .setParameter(11, reason)
                .setParameter(12, at)
                .setParameter(13, by)
                .executeUpdate();
    }

    /**
     * The member's timeline entry about the card: {@code type} is {@code CREATED}, {@code MOVED}, {@code ASSIGNED} or
     * {@code CLOSED}; nothing for a card without a member.
     */
    public void timeline(TaskEntity t, String pipelineKey, String type, Instant at, Map<String, Object> details) {
        if (t.memberId == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pipelineId", t.pipelineId.toString());
        data.put("pipelineKey", pipelineKey);
        data.put("stage", t.stage);
        data.putAll(details);
        timeline.appendAbout(t.memberId, EntryKind.TASK, t.id, at, type, t.title, data);
    }
}
