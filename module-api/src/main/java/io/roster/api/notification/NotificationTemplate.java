package io.roster.api.notification;

import java.time.Instant;
import java.util.Map;

/**
 * A named message template with a variant per language.
 *
 * @param id template id
 * @param orgUnitId owning unit
 * @param name unique within the unit
 * @param description free text, or {@code null}
 * @param variants language code ({@code ru}, {@code uk}, {@code en}) → variant
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic-lock version, the ETag
 */
public record NotificationTemplate(
        String id,
        String orgUnitId,
        String name,
        String description,
        Map<String, TemplateVariant> variants,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The editable part. */
    public TemplateDraft toDraft() {
        return new TemplateDraft(orgUnitId, name, description, variants);
    }
}
