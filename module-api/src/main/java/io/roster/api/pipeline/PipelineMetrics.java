package io.roster.api.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The numbers of a pipeline in a period, for the cards of one unit's subtree (within the caller's scope).
 *
 * @param pipelineId the pipeline
 * @param orgUnitId the unit asked for, or {@code null} for the caller's whole scope
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param stages per stage, in board order
 * @param overdue open cards due before today
 * @param weeks closed cards per week of the period, oldest first
 */
public record PipelineMetrics(
        String pipelineId,
        String orgUnitId,
        Instant from,
        Instant to,
        List<StageMetrics> stages,
        long overdue,
        List<WeekMetrics> weeks) {}
