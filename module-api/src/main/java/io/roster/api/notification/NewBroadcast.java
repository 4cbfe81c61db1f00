package io.roster.api.notification;

import io.roster.api.member.ContactChannel;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * Input for a broadcast.
 *
 * @param orgUnitId the unit it is sent on behalf of; the audience is limited to its subtree; required
 * @param name 1–200 characters
 * @param templateId the template; required
 * @param segmentId the audience as a segment; exactly one of this and {@code memberIds}
 * @param memberIds the audience as a list of member ids, at most {@link BroadcastService#MAX_EXPLICIT_MEMBERS}
 * @param channels the channels in order of preference (e.g. TELEGRAM, EMAIL): each member gets the message on the
 *     first one they consented to and can be reached on; TELEGRAM, EMAIL and SMS are possible
 * @param startAt when to begin; {@code null} means when started; not in the past
 * @param ratePerSecond messages per second at most, shared by every instance; {@code null} or 0 means only the
 *     channels' own limits
 * @param quietStart start of quiet hours in the member's time zone (e.g. 21:00), or {@code null} for the configured
 *     default
 * @param quietEnd end of quiet hours (e.g. 09:00); equal to {@code quietStart} means no quiet hours
 * @param maxAttempts attempts before a delivery fails, 1–20; {@code null} for the configured default
 */
public record NewBroadcast(
        String orgUnitId,
        String name,
        String templateId,
        String segmentId,
        List<String> memberIds,
        List<ContactChannel> channels,
        Instant startAt,
        Double ratePerSecond,
        LocalTime quietStart,
        LocalTime quietEnd,
        Integer maxAttempts) {}
