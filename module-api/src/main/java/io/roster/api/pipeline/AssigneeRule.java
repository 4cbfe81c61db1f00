package io.roster.api.pipeline;

import java.util.List;

/**
 * Who gets a card that enters a stage without an assignee. Staff members are principal ids: the id a caller has in
 * Roster ({@link io.roster.api.security.Caller#id()}), e.g. an API key id or the host CRM's user id.
 *
 * @param strategy the {@link io.roster.spi.pipeline.AssignmentStrategy#id()} to use; built in: {@code fixed} (always
 *     {@code staffId}), {@code round-robin} (each of {@code group} in turn, per pipeline and stage) and
 *     {@code org-coordinator} (the coordinator of the card's org unit or of its nearest coordinated ancestor)
 * @param staffId the staff member of {@code fixed}, else {@code null}
 * @param group the staff members of {@code round-robin}, else empty
 */
public record AssigneeRule(String strategy, String staffId, List<String> group) {
    public AssigneeRule {
        group = group == null ? List.of() : List.copyOf(group);
    }
}
