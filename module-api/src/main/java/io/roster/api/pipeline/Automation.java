package io.roster.api.pipeline;

import io.roster.api.member.MemberStatus;

/**
 * A rule of a pipeline: when a card enters {@code stage} (or breaches its SLA there), do {@code action}. Only the
 * parameters of the action are set; the others are {@code null}.
 *
 * @param on the trigger
 * @param stage the stage key the trigger watches
 * @param action what to do; {@code CREATE_TASK}, {@code SET_MEMBER_STATUS} and {@code ADD_TAG} only on
 *     {@code ENTER_STAGE}, {@code RAISE_PRIORITY} only on {@code SLA_BREACH}
 * @param pipelineKey {@code CREATE_TASK}: the pipeline of the new card
 * @param stageKey {@code CREATE_TASK}: its stage, or {@code null} for the first one
 * @param title {@code CREATE_TASK}: its title, or {@code null} for the title of the card that triggered it
 * @param memberStatus {@code SET_MEMBER_STATUS}: the status
 * @param tag {@code ADD_TAG}: the tag
 * @param staffId {@code ASSIGN}: the staff member (principal id)
 * @param message {@code NOTIFY}: the text of the notification
 */
public record Automation(
        AutomationTrigger on,
        String stage,
        AutomationAction action,
        String pipelineKey,
        String stageKey,
        String title,
        MemberStatus memberStatus,
        String tag,
        String staffId,
        String message) {}
