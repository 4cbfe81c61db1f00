package io.roster.api.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A card: one piece of work moving through a pipeline.
 *
 * @param id task id
 * @param pipelineId its pipeline
 * @param stage the key of its current stage
 * @param stageCategory that stage's category
 * @param rank its place within the stage: cards sort by rank, then id (an opaque string; compare byte-wise)
 * @param memberId the member it is about, or {@code null}
 * @param orgUnitId the unit it belongs to (the member's home unit, or the unit given at creation): its scope
 * @param title title
 * @param description plain text, or {@code null}
 * @param assigneeId the staff member (principal id) doing it, or {@code null}
 * @param watchers staff members notified of its changes
 * @param priority priority
 * @param dueOn due date, or {@code null}
 * @param labels free labels
 * @param checklist checklist, in order
 * @param closeReason why it is closed, or {@code null} while open
 * @param abandonReason the configured reason it was dropped with, or {@code null}
 * @param closedAt when it was closed, or {@code null}
 * @param stageEnteredAt when it entered its current stage
 * @param slaDueAt when it breaches the current stage's SLA, or {@code null} without one
 * @param escalatedAt when that breach was escalated, or {@code null}
 * @param createdBy who created it
 * @param version optimistic-lock version, the ETag
 */
public record Task(
        String id,
        String pipelineId,
        String stage,
        StageCategory stageCategory,
        String rank,
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
        CloseReason closeReason,
        String abandonReason,
        Instant closedAt,
        Instant stageEnteredAt,
        Instant slaDueAt,
        Instant escalatedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
