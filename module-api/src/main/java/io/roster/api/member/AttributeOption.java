package io.roster.api.member;

import io.roster.api.common.Language;
import java.util.Map;

/**
 * One allowed value of an enum attribute.
 *
 * @param value the stored value
 * @param labels what people see, per language
 */
public record AttributeOption(String value, Map<Language, String> labels) {}
