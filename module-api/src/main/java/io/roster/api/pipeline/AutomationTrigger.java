package io.roster.api.pipeline;

/** When an automation runs. */
public enum AutomationTrigger {
    /** A card enters the automation's stage (created in it or moved into it), in the same transaction. */
    ENTER_STAGE,
    /** A card stayed in the automation's stage longer than its SLA; run once per stay by the SLA job. */
    SLA_BREACH
}
