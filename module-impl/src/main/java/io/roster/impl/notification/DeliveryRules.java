package io.roster.impl.notification;

import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules applied to each recipient at send time, and the arithmetic of retries and throttling. Pure functions, so
 * the decisions are tested without a database.
 */
public final class DeliveryRules {
    private DeliveryRules() {}

    /** What to do with one recipient now. */
    public sealed interface Decision {}

    /** Send on this channel to this address. */
    public record Send(ContactChannel channel, String address) implements Decision {}

    /** Never send; the reason is recorded (no personal data in it). */
    public record Skip(String reason) implements Decision {}

    /** Not now: try again at {@code until}. */
    public record Defer(Instant until, String reason) implements Decision {}

    /** Quiet hours as local times; {@code start == end} means none. A window may wrap midnight (21:00–09:00). */
    public record QuietHours(LocalTime start, LocalTime end) {
        public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        public boolean none() {
            return start.equals(end);
        }

        /** Whether a local time is inside. */
        public boolean contains(LocalTime t) {
            if (none()) {
                return false;
            }
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }

        /** The end of the quiet period that {@code now} is in, in {@code zone}. */
        public Instant endAfter(Instant now, ZoneId zone) {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime end = local.toLocalDate().atTime(this.end).atZone(zone);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            return end.toInstant();
        }
    }

    /**
     * Decides for one recipient: member-level stops first (deceased, archived, merged), then the first channel of
     * {@code order} that the member consented to, has not asked not to be contacted on, has an address on, and that
     * has a working transport; then quiet hours in the member's time zone defer (never skip) the message.
     *
     * @param available whether a transport for the channel is configured now
     */
    public static Decision decide(
            Recipient r,
            List<ContactChannel> order,
            Predicate<ContactChannel> available,
            QuietHours quiet,
            Instant now) {
        if (r.status() == MemberStatus.DECEASED) {
            return new Skip("member deceased");
        }
        if (r.merged()) {
            return new Skip("member merged into another");
        }
        if (r.archived()) {
            return new Skip("member archived");
        }
        List<String> why = new ArrayList<>();
        for (ContactChannel c : order) {
            String reason;
            if (!r.consents().contains(c)) {
                reason = "no consent";
            } else if (r.doNotContact().contains(c)) {
                reason = "do not contact";
            } else if (r.address(c) == null) {
                reason = c == ContactChannel.TELEGRAM ? "no Telegram chat linked" : "no address";
            } else if (!available.test(c)) {
                reason = "channel not configured";
            } else {
                if (quiet.contains(now.atZone(r.zone()).toLocalTime())) {
                    return new Defer(quiet.endAfter(now, r.zone()), "quiet hours");
                }
                return new Send(c, r.address(c));
            }
            why.add(c + ": " + reason);
        }
        return new Skip(String.join("; ", why));
    }

    /**
     * The pause before the next attempt: {@code base × 2^(attempt−1)} capped at {@code max}, and never shorter than
     * what the transport asked for.
     *
     * @param attempt the attempt that just failed, from 1
     * @param retryAfter the transport's own wait, or {@code null}
     */
    public static Duration backoff(int attempt, Duration base, Duration max, Duration retryAfter) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        Duration d = base.multipliedBy(factor);
        if (d.compareTo(max) > 0 || d.isNegative()) {
            d = max;
        }
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter;
        }
        return d;
    }

    /**
     * The rate to send at: the lower of a broadcast's rate and a channel's limit, 0 meaning "no limit" for either.
     */
    public static double effectiveRate(double broadcastRate, double channelMax) {
        if (broadcastRate <= 0) {
            return Math.max(channelMax, 0);
        }
        if (channelMax <= 0) {
            return broadcastRate;
        }
        return Math.min(broadcastRate, channelMax);
    }

    /**
     * The send times of {@code n} reserved slots at {@code rate} per second, the first at {@code first}: slot
     * {@code i} is {@code first + i / rate}.
     */
    public static Instant slot(Instant first, int i, double rate) {
        if (rate <= 0) {
            return first;
        }
        return first.plusNanos((long) Math.ceil(i * 1_000_000_000d / rate));
    }

    /** How long {@code n} messages occupy at {@code rate} per second, in seconds. */
    public static double span(int n, double rate) {
        return rate <= 0 ? 0 : n / rate;
    }
}
