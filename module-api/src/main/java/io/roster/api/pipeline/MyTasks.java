package io.roster.api.pipeline;

import io.roster.api.common.Page;

/**
 * The caller's open cards, in three sections, each by due date and paged on its own with
 * {@link TaskService#myTasks(DueBucket, io.roster.api.common.PageRequest)}.
 */
public record MyTasks(Page<Task> overdue, Page<Task> today, Page<Task> upcoming) {}
