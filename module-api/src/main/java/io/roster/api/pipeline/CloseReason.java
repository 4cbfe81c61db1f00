package io.roster.api.pipeline;

/** Why a card is closed: it entered a {@code DONE} stage, or a {@code DROPPED} one with a configured reason. */
public enum CloseReason {
    DONE,
    ABANDONED
}
