package io.roster.api.pipeline;

import java.time.Instant;

/**
 * One line of a card's history.
 *
 * @param kind {@code CREATED}, {@code STAGE}, {@code ASSIGNEE}, {@code COMPLETED}, {@code ABANDONED}, {@code REOPENED}
 *     or {@code ESCALATED}
 * @param fromStage the stage left ({@code STAGE}), else {@code null}
 * @param toStage the stage entered ({@code CREATED}, {@code STAGE}), else {@code null}
 * @param fromAssignee the previous assignee ({@code ASSIGNEE}), else {@code null}
 * @param toAssignee the new assignee ({@code CREATED}, {@code ASSIGNEE}), else {@code null}
 * @param reason the abandon reason ({@code ABANDONED}), why a stage was left outside a move ({@code STAGE}:
 *     {@code stage-removed}), or what an escalation did ({@code ESCALATED}); else {@code null}
 * @param at when
 * @param by who (principal id; {@code system} for jobs)
 */
public record TaskChange(
        String id,
        String taskId,
        String kind,
        String fromStage,
        String toStage,
        String fromAssignee,
        String toAssignee,
        String reason,
        Instant at,
        String by) {}
