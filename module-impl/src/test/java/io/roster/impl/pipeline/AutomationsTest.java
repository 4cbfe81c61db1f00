package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.error.InvalidStateException;
import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.AutomationAction;
import io.roster.api.pipeline.AutomationTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationsTest {
    static Automation rule(AutomationTrigger on, String stage, AutomationAction action) {
        return new Automation(on, stage, action, null, null, null, null, null, null, null);
    }

    @Test
    void onlyTheRulesOfTheTriggerAndStageRunInDefinitionOrder() {
        Automation a = rule(AutomationTrigger.ENTER_STAGE, "work", AutomationAction.ASSIGN);
        Automation b = rule(AutomationTrigger.SLA_BREACH, "work", AutomationAction.NOTIFY);
        Automation c = rule(AutomationTrigger.ENTER_STAGE, "done", AutomationAction.ADD_TAG);
        Automation d = rule(AutomationTrigger.ENTER_STAGE, "work", AutomationAction.NOTIFY);
        List<Automation> all = List.of(a, b, c, d);
        assertEquals(List.of(a, d), Automations.matching(all, AutomationTrigger.ENTER_STAGE, "work"));
        assertEquals(List.of(b), Automations.matching(all, AutomationTrigger.SLA_BREACH, "work"));
        assertEquals(List.of(), Automations.matching(all, AutomationTrigger.SLA_BREACH, "done"));
    }

    @Test
    void actionsAreAllowedOnlyOnTheirTriggers() {
        assertTrue(Automations.allowed(AutomationTrigger.ENTER_STAGE, AutomationAction.CREATE_TASK));
        assertTrue(Automations.allowed(AutomationTrigger.ENTER_STAGE, AutomationAction.SET_MEMBER_STATUS));
        assertFalse(Automations.allowed(AutomationTrigger.ENTER_STAGE, AutomationAction.RAISE_PRIORITY));
        assertTrue(Automations.allowed(AutomationTrigger.SLA_BREACH, AutomationAction.RAISE_PRIORITY));
        assertTrue(Automations.allowed(AutomationTrigger.SLA_BREACH, AutomationAction.ASSIGN));
        assertFalse(Automations.allowed(AutomationTrigger.SLA_BREACH, AutomationAction.CREATE_TASK));
        assertFalse(Automations.allowed(AutomationTrigger.SLA_BREACH, AutomationAction.ADD_TAG));
    }

    @Test
    void aChainOfCreatedCardsStopsBeyondTheDepthLimitNamingTheLoop() {
        Automations.Chain chain = Automations.Chain.start().enter("ping", "in");
        assertEquals(0, chain.depth());
        for (int i = 1; i <= Automations.MAX_DEPTH; i++) {
            chain = chain.enter(i % 2 == 1 ? "pong" : "ping", "in");
            assertEquals(i, chain.depth());
        }
        Automations.Chain full = chain;
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> full.enter("pong", "in"));
        assertEquals("automation-depth-exceeded", e.code());
        assertTrue(e.getMessage().startsWith("automations created cards more than 5 levels deep"), e.getMessage());
        assertTrue(e.getMessage().contains("ping/in → pong/in → ping/in"), e.getMessage());
    }

    @Test
    void chainsOfSiblingsDoNotAddUp() {
        Automations.Chain parent = Automations.Chain.start().enter("a", "x");
        // many automations of one stage each create one card: each is one level below the parent, not deeper
        for (int i = 0; i < 20; i++) {
            assertEquals(1, parent.enter("b", "y").depth());
        }
    }
}
