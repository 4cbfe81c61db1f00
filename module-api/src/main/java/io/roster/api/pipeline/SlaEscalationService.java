package io.roster.api.pipeline;

/**
 * Escalates cards that stayed in a stage longer than its SLA, by the pipeline's {@code SLA_BREACH} automations
 * (reassign, raise priority, notify). Safe to run on several instances at once: each breached card is claimed by one
 * of them and escalated once per stay in a stage. Runs as the system; a scheduler calls it.
 */
public interface SlaEscalationService {

    /**
     * Escalates up to {@code max} breached cards in one transaction.
     *
     * @return how many were escalated; fewer than {@code max} means none is waiting (on this instance's view)
     */
    int escalateBreaches(int max);
}
