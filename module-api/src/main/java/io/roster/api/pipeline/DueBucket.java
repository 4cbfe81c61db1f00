package io.roster.api.pipeline;

/** The sections of "my tasks", by due date against today (UTC). */
public enum DueBucket {
    /** Due before today. */
    OVERDUE,
    /** Due today. */
    TODAY,
    /** Due after today, or undated (last). */
    UPCOMING
}
