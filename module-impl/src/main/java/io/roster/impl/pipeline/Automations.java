package io.roster.impl.pipeline;

import io.roster.api.error.InvalidStateException;
import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.AutomationAction;
import io.roster.api.pipeline.AutomationTrigger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which automations run, and the guard against rules that loop: a card that enters a stage can create a card that
 * enters a stage that creates a card… Each creation is one level deeper; beyond {@link #MAX_DEPTH} the whole change is
 * refused with the chain in the message, so a loop never runs away and never half-happens.
 */
public final class Automations {
    /** How many cards one change may create through chained automations. */
    public static final int MAX_DEPTH = 5;

    private static final Set<AutomationAction> ON_ENTER = EnumSet.of(
            AutomationAction.CREATE_TASK,
            AutomationAction.SET_MEMBER_STATUS,
            AutomationAction.ADD_TAG,
            AutomationAction.ASSIGN,
            AutomationAction.NOTIFY);
    private static final Set<AutomationAction> ON_BREACH =
            EnumSet.of(AutomationAction.ASSIGN, AutomationAction.RAISE_PRIORITY, AutomationAction.NOTIFY);

    private Automations() {}

    /** Whether an action may run on a trigger. */
    public static boolean allowed(AutomationTrigger on, AutomationAction action) {
        return (on == AutomationTrigger.ENTER_STAGE ? ON_ENTER : ON_BREACH).contains(action);
    }

    /** The automations of a pipeline that run when a card triggers {@code on} in {@code stage}, in definition order. */
    public static List<Automation> matching(List<Automation> automations, AutomationTrigger on, String stage) {
        List<Automation> out = new ArrayList<>();
        for (Automation a : automations) {
            if (a.on() == on && a.stage().equals(stage)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The path of stage entries that led to the current one: {@code pipeline/stage} per level. Immutable; each
     * automation-created card gets a chain one longer.
     */
    public record Chain(List<String> entries) {
        public Chain {
            entries = List.copyOf(entries);
        }

        /** The chain of a change made by a person or a job. */
        public static Chain start() {
            return new Chain(List.of());
        }

        /** How many cards deep this change is (0 for the change a caller asked for). */
        public int depth() {
            return Math.max(0, entries.size() - 1);
        }

        /**
         * The chain after a card enters {@code pipelineKey/stage}.
         *
         * @throws InvalidStateException ({@code automation-depth-exceeded}) when that would be more than
         *     {@link #MAX_DEPTH} cards deep
         */
        public Chain enter(String pipelineKey, String stage) {
            List<String> next = new ArrayList<>(entries);
            next.add(pipelineKey + "/" + stage);
            Chain chain = new Chain(next);
            if (chain.depth() > MAX_DEPTH) {
                throw new InvalidStateException(
                        "automation-depth-exceeded",
                        "automations created cards more than " + MAX_DEPTH + " levels deep, which looks like a loop: "
                                + String.join(" → ", next)
                                + "; change the CREATE_TASK automations of these pipelines; nothing was changed");
            }
            return chain;
        }
    }
}
