package io.roster.impl.interaction;

import io.roster.api.error.FieldError;
import io.roster.api.interaction.InteractionDraft;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The field rules of an interaction, every broken one reported with its path. */
public final class InteractionRules {
    public static final int MAX_BODY = 10_000;
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_TAGS = 50;
    public static final int MAX_BULK = 5_000;
    /** Clocks of phones and laptops in the field drift; a few minutes ahead is not "the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern TYPE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private InteractionRules() {}

    /**
     * @param prefix put before every path ({@code ""}, or {@code "interaction."} for a bulk template)
     * @param bulk whether this is a bulk template (no member, no externalRef)
     */
    public static List<FieldError> validate(InteractionDraft d, Instant now, String prefix, boolean bulk) {
        List<FieldError> errors = new ArrayList<>();
        if (bulk) {
            if (d.memberId() != null) {
                errors.add(new FieldError(prefix + "memberId", "not-allowed", "members are listed in memberIds"));
            }
            if (d.externalRef() != null) {
                errors.add(new FieldError(prefix + "externalRef", "not-allowed", "a bulk log has no externalRef"));
            }
        } else if (d.memberId() == null || Ids.parse(d.memberId()).isEmpty()) {
            errors.add(new FieldError(prefix + "memberId", "required", "memberId is required"));
        }
        if (d.type() == null || !TYPE_KEY.matcher(d.type()).matches()) {
            errors.add(new FieldError(prefix + "type", "required", "type is an interaction type key such as CALL"));
        }
        if (d.channel() == null) {
            errors.add(new FieldError(prefix + "channel", "required", "channel is required"));
        }
        if (d.occurredAt() != null && d.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(
                    new FieldError(prefix + "occurredAt", "in-future", "an interaction cannot happen in the future"));
        }
        if (d.durationSeconds() != null && (d.durationSeconds() < 0 || d.durationSeconds() > 7 * 24 * 3600)) {
            errors.add(new FieldError(prefix + "durationSeconds", "range", "durationSeconds is 0 to one week"));
        }
        text(errors, prefix + "subject", d.subject(), MAX_SUBJECT, false);
        text(errors, prefix + "body", d.body(), MAX_BODY, true);
        text(errors, prefix + "externalRef", d.externalRef(), 200, false);
        for (String[] link : new String[][] {
            {"orgUnitId", d.orgUnitId()},
            {"eventId", d.eventId()},
            {"campaignId", d.campaignId()},
            {"taskId", d.taskId()}
        }) {
            if (link[1] != null && Ids.parse(link[1]).isEmpty()) {
                errors.add(new FieldError(prefix + link[0], "invalid-id", link[0] + " is not an id"));
            }
        }
        if (d.tags() != null) {
            if (d.tags().size() > MAX_TAGS) {
                errors.add(new FieldError(prefix + "tags", "too-many", "at most " + MAX_TAGS + " tags"));
            }
            int i = 0;
            for (String tag : d.tags()) {
                if (tag == null || tag.isBlank() || tag.strip().length() > 64 || Texts.hasControl(tag)) {
                    errors.add(new FieldError(prefix + "tags[" + i + "]", "invalid", "a tag is 1–64 characters"));
                }
                i++;
            }
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String path, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(path, "too-long", "at most " + max + " characters"));
        }
        boolean badControl = multiline
                ? value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                : Texts.hasControl(value);
        if (badControl) {
            errors.add(new FieldError(path, "invalid-characters", "control characters are not allowed"));
        }
    }
}
