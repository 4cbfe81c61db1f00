/**
 * The interaction history: calls, visits, messages, meetings, notes. Start at
 * {@link io.roster.api.interaction.InteractionService}; a member's merged history is read through
 * {@link io.roster.api.timeline.TimelineService}.
 */
package io.roster.api.interaction;
