package io.roster.spi.pipeline;

/**
 * Receives pipeline notifications. Every sink gets every notification, highest priority first, inside the
 * transaction that caused it: a sink that sends something outside Roster should queue it and send after commit. The
 * built-in sink ({@code log}) writes one log line without personal data until Roster's notifications exist.
 */
public interface NotificationSink {

    /** A stable id, e.g. {@code log}. */
    String id();

    /** Higher runs first; the built-in sink has 0. */
    default int priority() {
        return 0;
    }

    void deliver(TaskNotification notification);
}
