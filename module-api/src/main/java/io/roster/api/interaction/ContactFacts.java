package io.roster.api.interaction;

import java.time.Instant;

/**
 * What a member's contact history adds up to, kept with the profile.
 *
 * @param lastContactAt when the member was last contacted (an interaction that counts as a contact, or an attended
 *     event), or {@code null}
 * @param lastContactChannel through what
 * @param lastOutcome with what outcome, or {@code null}
 * @param contactsLast30Days contacts in the last 30 days
 * @param contactsLast90Days contacts in the last 90 days
 */
public record ContactFacts(
        Instant lastContactAt,
        InteractionChannel lastContactChannel,
        Outcome lastOutcome,
        int contactsLast30Days,
        int contactsLast90Days) {}
