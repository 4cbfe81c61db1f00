package io.roster.web.rest.interaction;

import io.roster.api.interaction.InteractionDraft;
import java.util.List;

/**
 * Body of {@code POST /interaction-batches}: one interaction for many members (a phone bank, a door-to-door round).
 *
 * @param interaction the interaction, without {@code memberId} and {@code externalRef}
 * @param memberIds 1 to 5,000 members
 */
public record BatchRequest(InteractionDraft interaction, List<String> memberIds) {}
