package io.roster.api.interaction;

import java.util.List;

/**
 * The outcome of logging one interaction for many members.
 *
 * @param items one per member, in the order of the request
 */
public record BulkResult(List<Item> items) {

    /**
     * @param memberId the member
     * @param interactionId the interaction logged for them
     */
    public record Item(String memberId, String interactionId) {}
}
