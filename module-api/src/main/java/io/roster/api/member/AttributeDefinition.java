package io.roster.api.member;

import io.roster.api.common.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An admin-defined custom member attribute.
 *
 * @param key stable key, {@code [a-z][a-zA-Z0-9]{0,63}}
 * @param type value type
 * @param required whether every member must have a value (checked when a member is created or changed)
 * @param labels the attribute's name per language
 * @param options allowed values for {@link AttributeType#ENUM}; empty otherwise
 * @param version optimistic-lock version
 */
public record AttributeDefinition(
        String key,
        AttributeType type,
        boolean required,
        Map<Language, String> labels,
        List<AttributeOption> options,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
