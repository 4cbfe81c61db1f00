package io.roster.api.pipeline;

/**
 * The numbers of one stage.
 *
 * @param stage stage key
 * @param cards cards in the stage now
 * @param entered cards that entered the stage in the period
 * @param medianHours median time spent in the stage by the stays that ended in the period, or {@code null} for none
 * @param p90Hours 90th percentile of those stays, or {@code null}
 * @param conversion of the cards that entered this stage in the period, the share (0–1) that went on to enter the
 *     next stage (in board order), or {@code null} for the last stage or when none entered
 */
public record StageMetrics(
        String stage, long cards, long entered, Double medianHours, Double p90Hours, Double conversion) {}
