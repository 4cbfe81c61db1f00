package io.roster.spi.pipeline;

import java.util.Optional;

/**
 * Chooses the assignee of a card entering a stage whose {@link io.roster.api.pipeline.AssigneeRule#strategy()} is
 * this strategy's {@link #id()}. Runs inside the transaction of the move, so whatever state it keeps (the built-in
 * round-robin keeps a counter) commits or rolls back with the move. Built in: {@code fixed}, {@code round-robin}, {@code org-coordinator}. When several strategies share an id,
 * the one with the highest priority is used, so a host can replace a built-in one.
 */
public interface AssignmentStrategy {

    /** The id a stage's rule names, e.g. {@code round-robin}. */
    String id();

    /** Higher wins among strategies with the same id; built-in ones have 0. */
    default int priority() {
        return 0;
    }

    /** The staff member (principal id) to assign, or empty to leave the card unassigned. */
    Optional<String> assign(AssignmentRequest request);
}
