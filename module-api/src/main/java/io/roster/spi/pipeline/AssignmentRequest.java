package io.roster.spi.pipeline;

import io.roster.api.pipeline.AssigneeRule;

/**
 * A card that enters a stage without an assignee, and the stage's rule.
 *
 * @param pipelineId the pipeline
 * @param pipelineKey its key
 * @param stage the stage key entered
 * @param rule the stage's rule, whose {@code strategy} is the strategy's id
 * @param taskId the card
 * @param memberId the card's member, or {@code null}
 * @param orgUnitId the card's unit
 */
public record AssignmentRequest(
        String pipelineId,
        String pipelineKey,
        String stage,
        AssigneeRule rule,
        String taskId,
        String memberId,
        String orgUnitId) {}
