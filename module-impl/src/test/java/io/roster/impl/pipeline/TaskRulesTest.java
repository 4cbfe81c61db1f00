package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.error.FieldError;
import io.roster.api.pipeline.ChecklistItem;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import io.roster.api.pipeline.TaskDraft;
import io.roster.api.pipeline.TaskPriority;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRulesTest {
    static Stage stage(String key, StageCategory category, List<String> required, List<String> next) {
        return new Stage(key, Map.of("en", key), category, null, null, required, next, null);
    }

    static TaskDraft card(String assignee, LocalDate due, List<ChecklistItem> checklist, String reason) {
        return new TaskDraft(
                "p",
                "a",
                null,
                null,
                "Title",
                null,
                assignee,
                List.of(),
                TaskPriority.NORMAL,
                due,
                List.of(),
                checklist,
                reason);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.path() + ":" + e.code()).toList();
    }

    @Test
    void anyTransitionIsAllowedUnlessTheStageListsItsNextStages() {
        Stage open = stage("open", StageCategory.OPEN, List.of(), null);
        Stage strict = stage("strict", StageCategory.OPEN, List.of(), List.of("open"));
        Stage done = stage("done", StageCategory.DONE, List.of(), null);
        assertTrue(TaskRules.transitionAllowed(open, done));
        assertTrue(TaskRules.transitionAllowed(null, done), "a new card enters any stage");
        assertTrue(TaskRules.transitionAllowed(strict, open));
        assertFalse(TaskRules.transitionAllowed(strict, done));
        assertFalse(TaskRules.transitionAllowed(stage("closed", StageCategory.OPEN, List.of(), List.of()), open));
    }

    @Test
    void everyReasonAMoveIsRefusedIsReportedAtOnce() {
        Stage from = stage("new", StageCategory.OPEN, List.of(), List.of("dropped"));
        Stage to = stage("work", StageCategory.IN_PROGRESS, List.of("assigneeId", "dueOn", "checklistDone"), null);
        List<FieldError> errors = TaskRules.entryErrors(
                from, to, card(null, null, List.of(new ChecklistItem("x", false)), null), List.of());
        assertEquals(
                List.of(
                        "stage:transition-not-allowed",
                        "assigneeId:required-by-stage",
                        "dueOn:required-by-stage",
                        "checklistDone:required-by-stage"),
                codes(errors));
        assertTrue(errors.get(0).message().contains("allowed: dropped"));
        assertEquals(
                List.of(),
                codes(TaskRules.entryErrors(
                        null,
                        to,
                        card("me", LocalDate.of(2030, 1, 1), List.of(new ChecklistItem("x", true)), null),
                        List.of())));
        assertEquals(
                List.of("checklistDone:required-by-stage"),
                codes(TaskRules.entryErrors(
                        null, to, card("me", LocalDate.of(2030, 1, 1), List.of(), null), List.of())),
                "an empty checklist is not a done one");
    }

    @Test
    void droppingNeedsOneOfThePipelinesReasons() {
        Stage dropped = stage("dropped", StageCategory.DROPPED, List.of(), null);
        List<String> reasons = List.of("duplicate", "no-response");
        assertEquals(
                List.of("abandonReason:required-by-stage"),
                codes(TaskRules.entryErrors(null, dropped, card(null, null, List.of(), null), reasons)));
        assertEquals(
                List.of("abandonReason:unknown-reason"),
                codes(TaskRules.entryErrors(null, dropped, card(null, null, List.of(), "bored"), reasons)));
        assertEquals(
                List.of(),
                codes(TaskRules.entryErrors(null, dropped, card(null, null, List.of(), "duplicate"), reasons)));
    }

    @Test
    void validationNamesEachBadFieldAndNormalisingStripsAndDeduplicates() {
        TaskDraft bad = new TaskDraft(
                " ",
                null,
                null,
                null,
                "Строка\u0007",
                null,
                null,
                List.of("a", " "),
                null,
                null,
                List.of("x".repeat(65)),
                List.of(new ChecklistItem(" ", false)),
                null);
        assertEquals(
                List.of(
                        "pipelineId:required",
                        "title:invalid-characters",
                        "watchers[1]:required",
                        "labels[0]:invalid",
                        "checklist[0].text:required"),
                codes(TaskRules.validate(bad)));
        TaskDraft ok = TaskRules.normalize(new TaskDraft(
                " p ",
                null,
                null,
                null,
                "  Позвонить Ґудзь  ",
                "  ",
                " staff ",
                List.of("w", " w "),
                null,
                null,
                List.of("ї", "ї"),
                null,
                null));
        assertEquals("Позвонить Ґудзь", ok.title());
        assertEquals(null, ok.description());
        assertEquals("staff", ok.assigneeId());
        assertEquals(List.of("w"), ok.watchers());
        assertEquals(List.of("ї"), ok.labels());
        assertEquals(TaskPriority.NORMAL, ok.priority());
    }

    @Test
    void recipientsAreTheAssigneeThenWatchersOnce() {
        assertEquals(List.of("a", "b"), TaskRules.recipients("a", List.of("a", "b")));
        assertEquals(List.of("b"), TaskRules.recipients(null, List.of("b")));
    }
}
