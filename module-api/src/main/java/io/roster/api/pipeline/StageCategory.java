package io.roster.api.pipeline;

/** What a stage means for the cards in it; entering a {@code DONE} or {@code DROPPED} stage closes the card. */
public enum StageCategory {
    OPEN,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** Whether a card in a stage of this category is closed. */
    public boolean closes() {
        return this == DONE || this == DROPPED;
    }
}
