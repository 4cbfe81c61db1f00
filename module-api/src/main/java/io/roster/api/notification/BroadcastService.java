package io.roster.api.notification;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;

/**
 * Broadcasts: a template sent to a segment or a list of members. Reading needs {@code NOTIFICATION_READ}; creating
 * and every state transition {@code NOTIFICATION_SEND}. A broadcast belongs to an org unit; callers outside its scope
 * get "not found". Lifecycle actions are audited; single deliveries are not (they are on the members' timelines).
 */
public interface BroadcastService {

    /** The most members an explicit audience may list. */
    int MAX_EXPLICIT_MEMBERS = 1000;

    /**
     * Creates a broadcast in {@code DRAFT}.
     *
     * @throws io.roster.api.error.ValidationException for a missing field, both or neither of segment and member
     *     list, too many members, a channel that cannot send messages or is not configured, a start in the past
     * @throws io.roster.api.error.NotFoundException when the unit, template or segment is unknown or outside scope
     */
    Broadcast create(NewBroadcast broadcast);

    /**
     * One broadcast.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     */
    Broadcast get(String id);

    /** Broadcasts in scope, newest first. */
    Page<Broadcast> list(PageRequest page);

    /**
     * Enqueues one delivery per audience member (in one set-based statement) and schedules the broadcast.
     *
     * @throws io.roster.api.error.InvalidStateException unless it is a {@code DRAFT}
     * @throws io.roster.api.error.ValidationException when the audience is empty or the start time has passed
     */
    Broadcast start(String id);

    /**
     * Stops claiming its deliveries; messages in flight finish.
     *
     * @throws io.roster.api.error.InvalidStateException unless {@code SCHEDULED} or {@code RUNNING}
     */
    Broadcast pause(String id);

    /**
     * Continues a paused broadcast.
     *
     * @throws io.roster.api.error.InvalidStateException unless {@code PAUSED}
     */
    Broadcast resume(String id);

    /**
     * Cancels: queued deliveries become {@code CANCELLED}; messages in flight finish.
     *
     * @throws io.roster.api.error.InvalidStateException when already completed or cancelled
     */
    Broadcast cancel(String id);

    /** Recipients per delivery state. */
    BroadcastStatistics statistics(String id);

    /**
     * Its deliveries in id order, optionally of one state.
     *
     * @param status only this state, or {@code null} for all
     */
    Page<BroadcastDelivery> deliveries(String id, DeliveryStatus status, PageRequest page);

    /**
     * The time zone of an org unit's members (quiet hours are kept in it).
     *
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    OrgUnitTimeZone timeZone(String orgUnitId);

    /**
     * Sets an org unit's own time zone, which its subtree inherits; {@code null} makes it inherit. Needs
     * {@code ORG_WRITE}.
     *
     * @throws io.roster.api.error.ValidationException when the zone is not an IANA time zone id
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    OrgUnitTimeZone setTimeZone(String orgUnitId, String timeZone);

    /**
     * Claims due deliveries of running broadcasts and sends them (the dispatcher's step; runs as the system).
     *
     * @param max how many to claim at most
     * @return how many were claimed
     */
    int dispatchDue(int max);
}
