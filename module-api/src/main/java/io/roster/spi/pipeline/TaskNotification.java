package io.roster.spi.pipeline;

import java.util.List;

/**
 * Something staff should hear about a card.
 *
 * @param kind why: {@code AUTOMATION} (a {@code NOTIFY} rule on entering a stage) or {@code SLA_BREACH}
 * @param taskId the card
 * @param pipelineId its pipeline
 * @param stage its stage
 * @param recipients the staff members (principal ids): assignee and watchers
 * @param message the configured text; may name the member, so sinks must treat it as personal data
 */
public record TaskNotification(
        String kind, String taskId, String pipelineId, String stage, List<String> recipients, String message) {
    public TaskNotification {
        recipients = List.copyOf(recipients);
    }
}
