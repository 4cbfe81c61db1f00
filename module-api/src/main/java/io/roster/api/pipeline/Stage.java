package io.roster.api.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One stage of a pipeline.
 *
 * @param key stable key within the pipeline (lower-case letters, digits and dashes); cards refer to it
 * @param names the stage's name by language code ({@code ru}, {@code uk}, {@code en}); at least one
 * @param category what the stage means; entering {@code DONE} or {@code DROPPED} closes the card
 * @param slaDays how many days a card may stay in the stage before it is escalated, or {@code null} for no limit
 * @param wipLimit how many open cards the stage may hold, or {@code null} for no limit
 * @param requiredFields card fields that must be set to enter the stage: {@code assigneeId}, {@code dueOn},
 *     {@code memberId}, {@code description}, {@code labels}, {@code checklistDone} (every checklist item done)
 * @param allowedNext the stages a card may move to from this one, or {@code null} for any
 * @param assigneeRule who gets a card entering the stage without an assignee, or {@code null} for nobody
 */
public record Stage(
        String key,
        Map<String, String> names,
        StageCategory category,
        Integer slaDays,
        Integer wipLimit,
        List<String> requiredFields,
        List<String> allowedNext,
        AssigneeRule assigneeRule) {}
