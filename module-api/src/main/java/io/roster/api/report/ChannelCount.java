package io.roster.api.report;

import io.roster.api.interaction.InteractionChannel;

/**
 * Interactions logged over one channel in the period (deleted ones left out).
 *
 * @param channel the channel
 * @param contacts how many
 */
public record ChannelCount(InteractionChannel channel, long contacts) {}
