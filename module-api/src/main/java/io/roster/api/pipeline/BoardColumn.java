package io.roster.api.pipeline;

import io.roster.api.common.Page;

/**
 * One column of a board.
 *
 * @param stage the stage
 * @param count how many cards in scope the stage holds
 * @param cards the first cards by rank; continue with {@link TaskService#column}
 */
public record BoardColumn(Stage stage, long count, Page<Task> cards) {}
