package io.roster.api.notification;

import java.time.Instant;

/**
 * A saved member filter. Its members are computed when asked (live), never stored.
 *
 * @param id segment id
 * @param orgUnitId owning unit
 * @param name its name
 * @param filter the filters
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic-lock version, the ETag
 */
public record Segment(
        String id,
        String orgUnitId,
        String name,
        SegmentFilter filter,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The editable part. */
    public SegmentDraft toDraft() {
        return new SegmentDraft(orgUnitId, name, filter);
    }
}
