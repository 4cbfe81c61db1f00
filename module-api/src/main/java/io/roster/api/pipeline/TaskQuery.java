package io.roster.api.pipeline;

import io.roster.api.common.PageRequest;
import java.time.LocalDate;

/**
 * Cards in scope, newest first. Every filter is optional ({@code null}); they combine with "and".
 *
 * @param pipelineId only this pipeline's cards
 * @param assigneeId only cards assigned to this staff member
 * @param memberId only cards about this member
 * @param orgUnitId only cards of this unit's subtree
 * @param label only cards with this label
 * @param dueFrom only cards due on or after this day
 * @param dueTo only cards due on or before this day
 * @param category only cards in stages of this category
 * @param page page bounds
 */
public record TaskQuery(
        String pipelineId,
        String assigneeId,
        String memberId,
        String orgUnitId,
        String label,
        LocalDate dueFrom,
        LocalDate dueTo,
        StageCategory category,
        PageRequest page) {}
