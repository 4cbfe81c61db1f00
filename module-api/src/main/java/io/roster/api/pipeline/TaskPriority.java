package io.roster.api.pipeline;

/** How urgent a card is, lowest first. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The next higher priority; {@code URGENT} stays. */
    public TaskPriority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
