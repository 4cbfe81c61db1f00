package io.roster.impl.pipeline;

import io.roster.api.error.FieldError;
import io.roster.api.pipeline.ChecklistItem;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import io.roster.api.pipeline.TaskDraft;
import io.roster.api.pipeline.TaskPriority;
import io.roster.impl.common.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules of a card: field validation, its canonical form, and what a move into a stage needs. */
public final class TaskRules {
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_LIST = 50;
    static final int MAX_LABEL_LENGTH = 64;
    static final int MAX_CHECKLIST = 100;
    static final int MAX_CHECKLIST_TEXT = 500;
    static final int MAX_ID_LENGTH = 200;
    public static final int MAX_COMMENT_LENGTH = 10_000;

    private TaskRules() {}

    /** Every reason the draft's fields are invalid, each with its path; empty when valid. */
    public static List<FieldError> validate(TaskDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("", "required", "a task is required"));
            return errors;
        }
        if (Texts.clean(d.pipelineId()) == null) {
            errors.add(new FieldError("pipelineId", "required", "pipelineId is required"));
        }
        String title = Texts.clean(d.title());
        if (title == null) {
            errors.add(new FieldError("title", "required", "title is required"));
        } else if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("title", "too-long", "at most " + MAX_TITLE_LENGTH + " characters"));
        } else if (Texts.hasControl(title)) {
            errors.add(new FieldError("title", "invalid-characters", "control characters and line breaks"));
        }
        String description = Texts.clean(d.description());
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "too-long", "at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        id(errors, "assigneeId", d.assigneeId());
        list(errors, "watchers", d.watchers(), MAX_ID_LENGTH);
        list(errors, "labels", d.labels(), MAX_LABEL_LENGTH);
        if (d.checklist() != null) {
            if (d.checklist().size() > MAX_CHECKLIST) {
                errors.add(new FieldError("checklist", "too-many", "at most " + MAX_CHECKLIST + " items"));
            }
            for (int i = 0; i < d.checklist().size(); i++) {
                ChecklistItem item = d.checklist().get(i);
                String text = item == null ? null : Texts.clean(item.text());
                if (text == null) {
                    errors.add(new FieldError("checklist[" + i + "].text", "required", "text is required"));
                } else if (text.codePointCount(0, text.length()) > MAX_CHECKLIST_TEXT) {
                    errors.add(new FieldError(
                            "checklist[" + i + "].text", "too-long", "at most " + MAX_CHECKLIST_TEXT + " characters"));
                }
            }
        }
        return errors;
    }

    private static void id(List<FieldError> errors, String path, String value) {
        if (value != null) {
            String s = Texts.clean(value);
            if (s != null && (s.length() > MAX_ID_LENGTH || Texts.hasControl(s))) {
                errors.add(new FieldError(path, "invalid-staff-id", "at most " + MAX_ID_LENGTH + " characters"));
            }
        }
    }

    private static void list(List<FieldError> errors, String path, List<String> values, int maxLength) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST) {
            errors.add(new FieldError(path, "too-many", "at most " + MAX_LIST + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = Texts.clean(values.get(i));
            if (v == null) {
                errors.add(new FieldError(path + "[" + i + "]", "required", "a blank value"));
            } else if (v.codePointCount(0, v.length()) > maxLength || Texts.hasControl(v)) {
                errors.add(new FieldError(
                        path + "[" + i + "]",
                        "invalid",
                        "at most " + maxLength + " characters, no control characters"));
            }
        }
    }

    /** The canonical form of a valid draft: text stripped, blank text absent, lists de-duplicated in order. */
    public static TaskDraft normalize(TaskDraft d) {
        List<ChecklistItem> checklist = new ArrayList<>();
        if (d.checklist() != null) {
            for (ChecklistItem item : d.checklist()) {
                checklist.add(new ChecklistItem(Texts.clean(item.text()), item.done()));
            }
        }
        return new TaskDraft(
                Texts.clean(d.pipelineId()),
                Texts.clean(d.stage()),
                Texts.clean(d.memberId()),
                Texts.clean(d.orgUnitId()),
                Texts.clean(d.title()),
                Texts.clean(d.description()),
                Texts.clean(d.assigneeId()),
                distinct(d.watchers()),
                d.priority() == null ? TaskPriority.NORMAL : d.priority(),
                d.dueOn(),
                distinct(d.labels()),
                List.copyOf(checklist),
                Texts.clean(d.abandonReason()));
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(v.strip());
        }
        return List.copyOf(out);
    }

    /** Whether the definition lets a card go from one stage to another. */
    public static boolean transitionAllowed(Stage from, Stage to) {
        return from == null || from.allowedNext() == null || from.allowedNext().contains(to.key());
    }

    /**
     * Every reason a card cannot enter a stage, all at once: a transition the stage it leaves does not allow, each
     * field the target requires that the card lacks, and a missing or unconfigured abandon reason for a
     * {@code DROPPED} stage.
     *
     * @param from the stage the card leaves, or {@code null} for a new card
     * @param card the card as it will be after the change
     */
    public static List<FieldError> entryErrors(Stage from, Stage to, TaskDraft card, List<String> abandonReasons) {
        List<FieldError> errors = new ArrayList<>();
        if (!transitionAllowed(from, to)) {
            errors.add(new FieldError(
                    "stage",
                    "transition-not-allowed",
                    "a card cannot move from " + from.key() + " to " + to.key() + "; allowed: "
                            + (from.allowedNext().isEmpty() ? "none" : String.join(", ", from.allowedNext()))));
        }
        for (String field : to.requiredFields()) {
            if (missing(field, card)) {
                errors.add(new FieldError(
                        field,
                        "required-by-stage",
                        field.equals("checklistDone")
                                ? "every checklist item must be done to enter " + to.key()
                                : field + " is required to enter " + to.key()));
            }
        }
        if (to.category() == StageCategory.DROPPED) {
            if (card.abandonReason() == null) {
                errors.add(new FieldError(
                        "abandonReason",
                        "required-by-stage",
                        "an abandon reason is required to enter " + to.key() + "; one of "
                                + String.join(", ", abandonReasons)));
            } else if (!abandonReasons.contains(card.abandonReason())) {
                errors.add(new FieldError(
                        "abandonReason",
                        "unknown-reason",
                        "not a reason of this pipeline; one of " + String.join(", ", abandonReasons)));
            }
        }
        return errors;
    }

    static boolean missing(String field, TaskDraft card) {
        return switch (field) {
            case "assigneeId" -> card.assigneeId() == null;
            case "dueOn" -> card.dueOn() == null;
            case "memberId" -> card.memberId() == null;
            case "description" -> card.description() == null;
            case "labels" -> card.labels().isEmpty();
            case "checklistDone" ->
                card.checklist().isEmpty() || card.checklist().stream().anyMatch(i -> !i.done());
            default -> false;
        };
    }

    /** The watchers plus the assignee, once each: who hears about a card. */
    public static List<String> recipients(String assigneeId, List<String> watchers) {
        Set<String> out = new LinkedHashSet<>();
        if (assigneeId != null) {
            out.add(assigneeId);
        }
        out.addAll(watchers);
        return List.copyOf(out);
    }

    static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }
}
