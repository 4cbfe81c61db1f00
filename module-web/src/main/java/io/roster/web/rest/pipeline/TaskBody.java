package io.roster.web.rest.pipeline;

import io.roster.api.pipeline.ChecklistItem;
import io.roster.api.pipeline.TaskPriority;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of a card as sent in POST and PATCH: the fields of {@link io.roster.api.pipeline.TaskDraft}, plus where
 * the card goes in its column ({@code afterId} / {@code beforeId}) and {@code overrideWipLimit}. Documents the body;
 * the resource reads the placement fields off and the rest as a draft.
 */
public record TaskBody(
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
        String abandonReason,
        String afterId,
        String beforeId,
        Boolean overrideWipLimit) {}
