/**
 * Task pipelines: {@link io.roster.api.pipeline.PipelineService} defines pipelines of stages (with SLA, WIP limit,
 * required fields, allowed transitions, assignee rules and automations) and reports their metrics;
 * {@link io.roster.api.pipeline.TaskService} keeps the cards that move through them, the board and "my tasks".
 */
package io.roster.api.pipeline;
