package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roster.api.error.FieldError;
import io.roster.api.member.MemberStatus;
import io.roster.api.pipeline.AssigneeRule;
import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.AutomationAction;
import io.roster.api.pipeline.AutomationTrigger;
import io.roster.api.pipeline.PipelineDraft;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {
    static final Set<String> STRATEGIES = Set.of("fixed", "round-robin", "org-coordinator");

    static Stage stage(String key, StageCategory category) {
        return new Stage(key, Map.of("ru", "Этап", "uk", "Етап"), category, null, null, List.of(), null, null);
    }

    private static List<String> codes(PipelineDraft d) {
        return PipelineRules.validate(d, STRATEGIES, k -> k.equals("other") ? List.of("x") : null).stream()
                .map(FieldError::path)
                .toList();
    }

    @Test
    void aSoundDefinitionIsValid() {
        PipelineDraft d = new PipelineDraft(
                "questions",
                Map.of("ru", "Вопросы", "uk", "Питання", "en", "Questions"),
                null,
                List.of(
                        new Stage(
                                "new",
                                Map.of("en", "New"),
                                StageCategory.OPEN,
                                2,
                                10,
                                List.of("memberId"),
                                List.of("work"),
                                new AssigneeRule("round-robin", null, List.of("a", "b"))),
                        stage("work", StageCategory.IN_PROGRESS),
                        stage("dropped", StageCategory.DROPPED)),
                List.of(
                        new Automation(
                                AutomationTrigger.ENTER_STAGE,
                                "work",
                                AutomationAction.SET_MEMBER_STATUS,
                                null,
                                null,
                                null,
                                MemberStatus.VOLUNTEER,
                                null,
                                null,
                                null),
                        new Automation(
                                AutomationTrigger.ENTER_STAGE,
                                "work",
                                AutomationAction.CREATE_TASK,
                                "other",
                                "x",
                                null,
                                null,
                                null,
                                null,
                                null),
                        new Automation(
                                AutomationTrigger.ENTER_STAGE,
                                "work",
                                AutomationAction.CREATE_TASK,
                                "questions",
                                "new",
                                null,
                                null,
                                null,
                                null,
                                null)),
                List.of("duplicate"));
        assertEquals(List.of(), codes(d));
    }

    @Test
    void everyBadPartIsNamed() {
        PipelineDraft d = new PipelineDraft(
                "q",
                Map.of("de", "Fragen", "ru", " "),
                null,
                List.of(
                        stage("a", StageCategory.OPEN),
                        stage("a", null),
                        new Stage(
                                "b",
                                Map.of("en", "B"),
                                StageCategory.OPEN,
                                0,
                                null,
                                List.of(),
                                List.of(),
                                new AssigneeRule("fixed", null, List.of()))),
                List.of(
                        new Automation(
                                AutomationTrigger.SLA_BREACH,
                                "zzz",
                                AutomationAction.NOTIFY,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new Automation(
                                AutomationTrigger.ENTER_STAGE,
                                "a",
                                AutomationAction.CREATE_TASK,
                                "other",
                                "nope",
                                null,
                                null,
                                null,
                                null,
                                null)),
                List.of("Bad Reason"));
        List<String> expected = List.of(
                "names.de",
                "names.ru",
                "stages[1].key",
                "stages[1].category",
                "stages[2].slaDays",
                "stages[2].assigneeRule.staffId",
                "abandonReasons[0]",
                "automations[0].stage",
                "automations[0].message",
                "automations[1].stageKey");
        // names come from a map, whose order is not the test's business
        assertEquals(
                expected.stream().sorted().toList(), codes(d).stream().sorted().toList());
    }

    @Test
    void normalisingStripsKeysAndLeavesAbsentListsEmpty() {
        PipelineDraft d = PipelineRules.normalize(new PipelineDraft(
                " q ",
                Map.of("ru", "  Вопросы "),
                " ",
                List.of(new Stage(" a ", Map.of("en", " A "), StageCategory.OPEN, null, null, null, null, null)),
                null,
                null));
        assertEquals("q", d.key());
        assertEquals("Вопросы", d.names().get("ru"));
        assertEquals(null, d.orgUnitId());
        assertEquals("a", d.stages().get(0).key());
        assertEquals(List.of(), d.stages().get(0).requiredFields());
        assertEquals(List.of(), d.automations());
        assertEquals(List.of(), d.abandonReasons());
    }
}
