package io.roster.api.pipeline;

/** What an automation does. */
public enum AutomationAction {
    /** Creates a card in another pipeline ({@code pipelineKey}, optional {@code stageKey} and {@code title}). */
    CREATE_TASK,
    /** Sets the card's member's status ({@code memberStatus}) through the member status rules. */
    SET_MEMBER_STATUS,
    /** Adds {@code tag} to the card's member. */
    ADD_TAG,
    /** Assigns the card to {@code staffId}; on SLA breach this is the reassignment. */
    ASSIGN,
    /** Raises the card's priority by one step. */
    RAISE_PRIORITY,
    /** Notifies the assignee and watchers through the notification sinks, with {@code message}. */
    NOTIFY
}
