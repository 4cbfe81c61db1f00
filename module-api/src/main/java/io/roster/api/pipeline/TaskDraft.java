package io.roster.api.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * Input for a card, and what a change function transforms; see {@link Task} for the fields. On create,
 * {@code stage} {@code null} means the pipeline's first stage, {@code priority} {@code null} means {@code NORMAL},
 * and {@code orgUnitId} {@code null} means the member's home unit (or the pipeline's unit without a member). A
 * changed {@code stage} is a move: transitions, required fields and the WIP limit are checked.
 *
 * @param abandonReason the configured reason, needed to enter a {@code DROPPED} stage
 */
public record TaskDraft(
        String pipelineId,
        String stage,
        String memberId,
        String orgUnitId,
        String title,
        String description,
        String assigneeId,
        List<String> watchers,
        TaskPriority priority,
        LocalDate dueOn,
        List<String> labels,
        List<ChecklistItem> checklist,
        String abandonReason) {}
