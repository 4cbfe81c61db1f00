package io.roster.api.pipeline;

/**
 * Where a card goes within its (new) stage, and whether a full stage may take it anyway.
 *
 * @param afterId the card it goes right after, or {@code null}
 * @param beforeId the card it goes right before, or {@code null}; with neither, a moved card goes to the end of the
 *     column and a card staying in its stage keeps its place
 * @param overrideWipLimit enter a stage at its WIP limit anyway; needs {@code TASK_WIP_OVERRIDE}
 */
public record Placement(String afterId, String beforeId, boolean overrideWipLimit) {
    /** No placement: the end of a new column, or the same place. */
    public static final Placement NONE = new Placement(null, null, false);

    /** Whether a position was asked for. */
    public boolean positioned() {
        return afterId != null || beforeId != null;
    }
}
