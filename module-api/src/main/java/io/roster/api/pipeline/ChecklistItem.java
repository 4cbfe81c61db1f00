package io.roster.api.pipeline;

/**
 * One line of a card's checklist.
 *
 * @param text what to do
 * @param done whether it is done
 */
public record ChecklistItem(String text, boolean done) {}
