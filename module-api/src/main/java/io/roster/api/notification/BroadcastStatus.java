package io.roster.api.notification;

/**
 * Where a broadcast stands: {@code DRAFT} → (start) {@code SCHEDULED} (start time ahead) → {@code RUNNING} ⇄
 * {@code PAUSED} → {@code COMPLETED} when every recipient is done; {@code CANCELLED} from any state before that.
 */
public enum BroadcastStatus {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    CANCELLED,
    COMPLETED
}
