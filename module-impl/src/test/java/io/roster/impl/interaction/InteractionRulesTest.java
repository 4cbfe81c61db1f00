package io.roster.impl.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.error.FieldError;
import io.roster.api.interaction.Direction;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionSource;
import io.roster.api.interaction.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InteractionRulesTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String MEMBER = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b";
    private static final String UNIT = "0190a1b2-c3d4-7e5f-8a6b-000000000001";

    /** A mutable stand-in for the draft's 18 fields, so each test changes only what it is about. */
    private static final class D {
        String memberId = MEMBER;
        String orgUnitId = UNIT;
        String type = "CALL";
        Direction direction = Direction.OUTBOUND;
        InteractionChannel channel = InteractionChannel.PHONE;
        Instant occurredAt = NOW.minus(Duration.ofHours(1));
        Integer durationSeconds = 120;
        String subject = "Звонок по поводу собрания";
        String body = "Договорились: придёт в субботу.\nПросил перезвонить вечером.";
        Outcome outcome = Outcome.REACHED;
        String phone = "+79131234567";
        String eventId;
        String campaignId;
        String taskId;
        Set<String> tags = Set.of("агитация");
        InteractionSource source = InteractionSource.API;
        String externalRef = "crm-17";

        InteractionDraft build() {
            return new InteractionDraft(
                    memberId,
                    orgUnitId,
                    type,
                    direction,
                    channel,
                    occurredAt,
                    durationSeconds,
                    subject,
                    body,
                    outcome,
                    phone,
                    eventId,
                    campaignId,
                    taskId,
                    tags,
                    source,
                    externalRef,
                    false);
        }
    }

    private static List<String> errors(Consumer<D> change) {
        D d = new D();
        change.accept(d);
        return codes(InteractionRules.validate(d.build(), NOW, "", false));
    }

    private static List<String> bulkErrors(Consumer<D> change) {
        D d = new D();
        d.memberId = null;
        d.externalRef = null;
        change.accept(d);
        return codes(InteractionRules.validate(d.build(), NOW, "interaction.", true));
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.path() + ":" + e.code()).toList();
    }

    @Test
    void aCompleteDraftIsValid() {
        assertEquals(List.of(), errors(d -> {}));
        assertEquals(List.of(), bulkErrors(d -> {}));
    }

    @Test
    void aMinimalDraftIsValid() {
        assertEquals(
                List.of(),
                codes(InteractionRules.validate(
                        new InteractionDraft(
                                MEMBER,
                                null,
                                "NOTE",
                                null,
                                InteractionChannel.OTHER,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        NOW,
                        "",
                        false)));
    }

    // ---- member ---------------------------------------------------------------------------------------------------

    @Test
    void memberIdIsRequiredAndMustBeAnId() {
        assertEquals(List.of("memberId:required"), errors(d -> d.memberId = null));
        assertEquals(List.of("memberId:required"), errors(d -> d.memberId = "42"));
        assertEquals(List.of("memberId:required"), errors(d -> d.memberId = "not-a-uuid-but-36-characters-long!!"));
    }

    @Test
    void bulkTemplateHasNoMemberIdAndNoExternalRef() {
        assertEquals(List.of("interaction.memberId:not-allowed"), bulkErrors(d -> d.memberId = MEMBER));
        assertEquals(List.of("interaction.externalRef:not-allowed"), bulkErrors(d -> d.externalRef = "crm-1"));
        assertEquals(List.of(), bulkErrors(d -> {}), "a bulk template needs no memberId");
    }

    // ---- type and channel -----------------------------------------------------------------------------------------

    @Test
    void typeIsRequiredAndAKey() {
        assertEquals(List.of("type:required"), errors(d -> d.type = null));
        for (String bad : List.of("call", "C", "1CALL", "CALL-ME", "ЗВОНОК", " CALL", "A" + "B".repeat(40))) {
            assertEquals(List.of("type:required"), errors(d -> d.type = bad), bad);
        }
        for (String good : List.of("CA", "DOOR_KNOCK_2", "A" + "B".repeat(39))) {
            assertEquals(List.of(), errors(d -> d.type = good), good);
        }
    }

    @Test
    void channelIsRequired() {
        assertEquals(List.of("channel:required"), errors(d -> d.channel = null));
    }

    // ---- time -----------------------------------------------------------------------------------------------------

    @Test
    void occurredAtInTheFutureBeyondTheClockSkewIsRefused() {
        assertEquals(List.of("occurredAt:in-future"), errors(d -> d.occurredAt = NOW.plus(Duration.ofMinutes(6))));
        assertEquals(List.of("occurredAt:in-future"), errors(d -> d.occurredAt = NOW.plus(Duration.ofDays(1))));
        assertEquals(
                List.of("occurredAt:in-future"),
                errors(d -> d.occurredAt = NOW.plus(InteractionRules.CLOCK_SKEW).plusMillis(1)));
    }

    @Test
    void occurredAtSlightlyAheadIsAClockDriftAndAllowed() {
        assertEquals(List.of(), errors(d -> d.occurredAt = NOW.plus(Duration.ofMinutes(1))));
        assertEquals(List.of(), errors(d -> d.occurredAt = NOW.plus(InteractionRules.CLOCK_SKEW)));
        assertEquals(List.of(), errors(d -> d.occurredAt = NOW));
        assertEquals(List.of(), errors(d -> d.occurredAt = null), "null means now");
        assertEquals(List.of(), errors(d -> d.occurredAt = Instant.parse("1999-12-31T23:59:59Z")));
    }

    @Test
    void durationIsZeroToOneWeek() {
        assertEquals(List.of("durationSeconds:range"), errors(d -> d.durationSeconds = -1));
        assertEquals(List.of("durationSeconds:range"), errors(d -> d.durationSeconds = 7 * 24 * 3600 + 1));
        assertEquals(List.of(), errors(d -> d.durationSeconds = 0));
        assertEquals(List.of(), errors(d -> d.durationSeconds = 7 * 24 * 3600));
        assertEquals(List.of(), errors(d -> d.durationSeconds = null));
    }

    // ---- texts ----------------------------------------------------------------------------------------------------

    @Test
    void subjectIsAtMost300CharactersOnOneLine() {
        assertEquals(List.of(), errors(d -> d.subject = "Ж".repeat(InteractionRules.MAX_SUBJECT)));
        assertEquals(
                List.of("subject:too-long"), errors(d -> d.subject = "Ж".repeat(InteractionRules.MAX_SUBJECT + 1)));
        assertEquals(List.of("subject:invalid-characters"), errors(d -> d.subject = "Звонок\nвторой строкой"));
        assertEquals(List.of("subject:invalid-characters"), errors(d -> d.subject = "Звонок\tс табуляцией"));
        assertEquals(List.of("subject:invalid-characters"), errors(d -> d.subject = "Звонок\u0000"));
    }

    @Test
    void bodyIsAtMost10000CharactersAndMayHaveLineBreaksAndTabs() {
        assertEquals(List.of(), errors(d -> d.body = "ї".repeat(InteractionRules.MAX_BODY)));
        assertEquals(List.of("body:too-long"), errors(d -> d.body = "ї".repeat(InteractionRules.MAX_BODY + 1)));
        assertEquals(List.of(), errors(d -> d.body = "Первая строка\r\nвторая\n\tс отступом"));
        assertEquals(List.of("body:invalid-characters"), errors(d -> d.body = "Звонок\u0007"));
        assertEquals(List.of("body:invalid-characters"), errors(d -> d.body = "Звонок\u001b[31m"));
    }

    @Test
    void externalRefIsAtMost200CharactersOnOneLine() {
        assertEquals(List.of(), errors(d -> d.externalRef = "x".repeat(200)));
        assertEquals(List.of("externalRef:too-long"), errors(d -> d.externalRef = "x".repeat(201)));
        assertEquals(List.of("externalRef:invalid-characters"), errors(d -> d.externalRef = "crm\n17"));
    }

    // ---- links ----------------------------------------------------------------------------------------------------

    @Test
    void linkedIdsMustBeIds() {
        assertEquals(List.of("orgUnitId:invalid-id"), errors(d -> d.orgUnitId = "root"));
        assertEquals(List.of("eventId:invalid-id"), errors(d -> d.eventId = "17"));
        assertEquals(List.of("campaignId:invalid-id"), errors(d -> d.campaignId = "summer"));
        assertEquals(List.of("taskId:invalid-id"), errors(d -> d.taskId = "x"));
        assertEquals(List.of(), errors(d -> {
            d.orgUnitId = null;
            d.eventId = UNIT;
            d.campaignId = UNIT;
            d.taskId = UNIT;
        }));
    }

    // ---- tags -----------------------------------------------------------------------------------------------------

    @Test
    void tagsAreAtMost50AndEach1To64PrintableCharacters() {
        Set<String> fifty =
                IntStream.range(0, 50).mapToObj(i -> "метка" + i).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(List.of(), errors(d -> d.tags = fifty));
        Set<String> fiftyOne =
                IntStream.range(0, 51).mapToObj(i -> "метка" + i).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(List.of("tags:too-many"), errors(d -> d.tags = fiftyOne));

        Set<String> mixed = new LinkedHashSet<>(List.of("ok", " ", "т".repeat(65), "a\tb", " " + "т".repeat(64) + " "));
        assertEquals(List.of("tags[1]:invalid", "tags[2]:invalid", "tags[3]:invalid"), errors(d -> d.tags = mixed));
    }

    // ---- all together ---------------------------------------------------------------------------------------------

    @Test
    void everyBrokenRuleIsReportedWithItsPath() {
        List<String> all = errors(d -> {
            d.memberId = null;
            d.type = "звонок";
            d.channel = null;
            d.occurredAt = NOW.plus(Duration.ofHours(2));
            d.durationSeconds = -5;
            d.subject = "a\nb";
            d.body = "\u0001";
            d.eventId = "e";
            d.tags = Set.of("");
        });
        assertEquals(
                List.of(
                        "memberId:required",
                        "type:required",
                        "channel:required",
                        "occurredAt:in-future",
                        "durationSeconds:range",
                        "subject:invalid-characters",
                        "body:invalid-characters",
                        "eventId:invalid-id",
                        "tags[0]:invalid"),
                all);
    }

    @Test
    void bulkPathsCarryTheInteractionPrefix() {
        List<String> all = bulkErrors(d -> {
            d.memberId = MEMBER;
            d.externalRef = "crm-1";
            d.type = null;
            d.channel = null;
            d.occurredAt = NOW.plus(Duration.ofHours(2));
            d.durationSeconds = 8 * 24 * 3600;
            d.subject = "Ж".repeat(301);
            d.orgUnitId = "root";
            d.tags = Set.of("a\u0000");
        });
        assertEquals(
                List.of(
                        "interaction.memberId:not-allowed",
                        "interaction.externalRef:not-allowed",
                        "interaction.type:required",
                        "interaction.channel:required",
                        "interaction.occurredAt:in-future",
                        "interaction.durationSeconds:range",
                        "interaction.subject:too-long",
                        "interaction.orgUnitId:invalid-id",
                        "interaction.tags[0]:invalid"),
                all);
        assertTrue(all.stream().allMatch(p -> p.startsWith("interaction.")));
    }
}
