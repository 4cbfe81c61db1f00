package io.roster.impl.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final DeliveryRules.QuietHours NIGHT =
            new DeliveryRules.QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final List<ContactChannel> TG_THEN_EMAIL = List.of(ContactChannel.TELEGRAM, ContactChannel.EMAIL);
    // 12:00 in Moscow
    private static final Instant NOON_MSK = Instant.parse("2026-03-10T09:00:00Z");

    private static Recipient recipient(
            MemberStatus status,
            Set<ContactChannel> consents,
            Set<ContactChannel> dnc,
            Long chat,
            String email,
            ZoneId zone) {
        return new Recipient(
                UUID.randomUUID(),
                "Анна",
                null,
                "Соколова",
                Language.RU,
                status,
                null,
                "Омское отделение",
                false,
                false,
                dnc,
                consents,
                email,
                null,
                chat,
                zone);
    }

    private static Recipient consenting(Set<ContactChannel> consents) {
        return recipient(MemberStatus.MEMBER, consents, Set.of(), 42L, "a@example.org", MOSCOW);
    }

    @Test
    void firstChannelWithConsentAddressAndTransportWins() {
        var d = DeliveryRules.decide(
                consenting(EnumSet.of(ContactChannel.TELEGRAM, ContactChannel.EMAIL)),
                TG_THEN_EMAIL,
                c -> true,
                NIGHT,
                NOON_MSK);
        assertEquals(new DeliveryRules.Send(ContactChannel.TELEGRAM, "42"), d);
    }

    @Test
    void withoutTelegramConsentTheNextChannelIsUsed() {
        var d = DeliveryRules.decide(
                consenting(EnumSet.of(ContactChannel.EMAIL)), TG_THEN_EMAIL, c -> true, NIGHT, NOON_MSK);
        assertEquals(new DeliveryRules.Send(ContactChannel.EMAIL, "a@example.org"), d);
    }

    @Test
    void noConsentAnywhereIsSkippedWithEachChannelsReason() {
        Recipient r = recipient(
                MemberStatus.MEMBER,
                EnumSet.of(ContactChannel.EMAIL),
                EnumSet.of(ContactChannel.EMAIL),
                null,
                "a@x.org",
                MOSCOW);
        var d = DeliveryRules.decide(r, TG_THEN_EMAIL, c -> true, NIGHT, NOON_MSK);
        assertEquals(new DeliveryRules.Skip("TELEGRAM: no consent; EMAIL: do not contact"), d);
    }

    @Test
    void consentWithoutLinkedChatIsSkipped() {
        Recipient r = recipient(MemberStatus.MEMBER, EnumSet.of(ContactChannel.TELEGRAM), Set.of(), null, null, MOSCOW);
        var d = DeliveryRules.decide(r, List.of(ContactChannel.TELEGRAM), c -> true, NIGHT, NOON_MSK);
        assertEquals(new DeliveryRules.Skip("TELEGRAM: no Telegram chat linked"), d);
    }

    @Test
    void unconfiguredTransportIsAReasonToo() {
        var d = DeliveryRules.decide(
                consenting(EnumSet.of(ContactChannel.TELEGRAM)),
                List.of(ContactChannel.TELEGRAM),
                c -> false,
                NIGHT,
                NOON_MSK);
        assertEquals(new DeliveryRules.Skip("TELEGRAM: channel not configured"), d);
    }

    @Test
    void deceasedMemberIsNeverContacted() {
        Recipient r =
                recipient(MemberStatus.DECEASED, EnumSet.allOf(ContactChannel.class), Set.of(), 42L, "a@x.org", MOSCOW);
        assertEquals(
                new DeliveryRules.Skip("member deceased"),
                DeliveryRules.decide(r, TG_THEN_EMAIL, c -> true, NIGHT, NOON_MSK));
    }

    @Test
    void quietHoursDeferUntilTheirEndInTheMembersZone() {
        // 22:30 in Moscow is 21:30 in Kyiv: both quiet; the end is 09:00 local next morning
        Instant late = Instant.parse("2026-03-10T19:30:00Z");
        var msk = DeliveryRules.decide(
                consenting(EnumSet.of(ContactChannel.TELEGRAM)), TG_THEN_EMAIL, c -> true, NIGHT, late);
        assertEquals(new DeliveryRules.Defer(Instant.parse("2026-03-11T06:00:00Z"), "quiet hours"), msk);
        Recipient kyiv = recipient(MemberStatus.MEMBER, EnumSet.of(ContactChannel.TELEGRAM), Set.of(), 1L, null, KYIV);
        var kv = DeliveryRules.decide(kyiv, TG_THEN_EMAIL, c -> true, NIGHT, late);
        assertEquals(new DeliveryRules.Defer(Instant.parse("2026-03-11T07:00:00Z"), "quiet hours"), kv);
    }

    @Test
    void theSameInstantMayBeQuietInOneZoneAndNotInAnother() {
        // 20:30 in Kyiv is 21:30 in Moscow
        Instant t = Instant.parse("2026-03-10T18:30:00Z");
        Recipient kyiv = recipient(MemberStatus.MEMBER, EnumSet.of(ContactChannel.TELEGRAM), Set.of(), 1L, null, KYIV);
        assertInstanceOf(DeliveryRules.Send.class, DeliveryRules.decide(kyiv, TG_THEN_EMAIL, c -> true, NIGHT, t));
        assertInstanceOf(
                DeliveryRules.Defer.class,
                DeliveryRules.decide(
                        consenting(EnumSet.of(ContactChannel.TELEGRAM)), TG_THEN_EMAIL, c -> true, NIGHT, t));
    }

    @Test
    void quietWindowWithinOneDayAndNone() {
        var lunch = new DeliveryRules.QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertTrue(lunch.contains(LocalTime.of(13, 0)));
        assertTrue(lunch.contains(LocalTime.of(13, 59)));
        assertFalse(lunch.contains(LocalTime.of(14, 0)));
        assertFalse(lunch.contains(LocalTime.of(12, 59)));
        assertTrue(NIGHT.contains(LocalTime.of(23, 0)));
        assertTrue(NIGHT.contains(LocalTime.of(8, 59)));
        assertFalse(NIGHT.contains(LocalTime.of(9, 0)));
        assertFalse(DeliveryRules.QuietHours.NONE.contains(LocalTime.of(3, 0)));
    }

    @Test
    void backoffDoublesIsCappedAndHonoursRetryAfter() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(30), DeliveryRules.backoff(1, base, max, null));
        assertEquals(Duration.ofSeconds(60), DeliveryRules.backoff(2, base, max, null));
        assertEquals(Duration.ofSeconds(240), DeliveryRules.backoff(4, base, max, null));
        assertEquals(max, DeliveryRules.backoff(10, base, max, null));
        assertEquals(max, DeliveryRules.backoff(200, base, max, null));
        assertEquals(Duration.ofSeconds(90), DeliveryRules.backoff(1, base, max, Duration.ofSeconds(90)));
        assertEquals(Duration.ofSeconds(60), DeliveryRules.backoff(2, base, max, Duration.ofSeconds(5)));
    }

    @Test
    void throttleArithmetic() {
        assertEquals(4, DeliveryRules.effectiveRate(4, 25));
        assertEquals(25, DeliveryRules.effectiveRate(100, 25));
        assertEquals(25, DeliveryRules.effectiveRate(0, 25));
        assertEquals(7, DeliveryRules.effectiveRate(7, 0));
        assertEquals(0, DeliveryRules.effectiveRate(0, 0));
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(first, DeliveryRules.slot(first, 0, 4));
        assertEquals(first.plusMillis(250), DeliveryRules.slot(first, 1, 4));
        assertEquals(first.plusMillis(2750), DeliveryRules.slot(first, 11, 4));
        assertEquals(first, DeliveryRules.slot(first, 11, 0));
        assertEquals(3.0, DeliveryRules.span(12, 4));
        assertEquals(0.0, DeliveryRules.span(12, 0));
    }
}
