/**
 * Reports for coordinators and the staff UI's dashboard: new members per month, contacts by channel and a branch
 * leaderboard, within the caller's org-unit scope. Start at {@link io.roster.api.report.ReportService}. Pipeline
 * funnels are the pipeline's own metrics ({@link io.roster.api.pipeline.TaskService}).
 */
package io.roster.api.report;
