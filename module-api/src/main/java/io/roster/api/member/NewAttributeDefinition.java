package io.roster.api.member;

import io.roster.api.common.Language;
import java.util.List;
import java.util.Map;

/** Input for a custom attribute definition; see {@link AttributeDefinition} for the fields. */
public record NewAttributeDefinition(
        String key,
        AttributeType type,
        boolean required,
        Map<Language, String> labels,
        List<AttributeOption> options) {}
