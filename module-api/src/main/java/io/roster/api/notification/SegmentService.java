package io.roster.api.notification;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.member.MemberSummary;
import java.util.function.UnaryOperator;

/**
 * Segments: saved member filters with a live count. Reading needs {@code NOTIFICATION_READ}, writing
 * {@code SEGMENT_WRITE}, counting and listing members also {@code MEMBER_READ}; members outside the caller's scope are
 * never counted or listed.
 */
public interface SegmentService {

    /**
     * Saves a segment.
     *
     * @throws io.roster.api.error.ValidationException for a missing name, a malformed filter (field paths under
     *     {@code filter.}) or a filter unit outside the owning unit
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    Segment create(SegmentDraft draft);

    /**
     * One segment.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted or outside scope
     */
    Segment get(String id);

    /** Segments in scope, newest first. */
    Page<Segment> list(PageRequest page);

    /**
     * Changes a segment.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     */
    Segment update(String id, Long expectedVersion, UnaryOperator<SegmentDraft> changes);

    /** Deletes a segment; broadcasts already enqueued from it keep their recipients. */
    void delete(String id);

    /** How many members (in the caller's scope) the segment holds now. */
    long count(String id);

    /** The segment's members now, by name, as a keyset page. */
    Page<MemberSummary> members(String id, PageRequest page);
}
