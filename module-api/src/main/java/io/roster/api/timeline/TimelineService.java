package io.roster.api.timeline;

import io.roster.api.common.Page;

/**
 * A member's merged history: interactions, attendance, status, home-unit and consent changes (and later task and
 * delivery events), newest first. A page costs the same whatever the length of the history.
 */
public interface TimelineService {

    /**
     * A page of the timeline. The cursor stays valid while new entries arrive: they appear on earlier pages only.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ValidationException when a filter or the cursor is invalid
     */
    Page<TimelineEntry> page(TimelineQuery query);
}
