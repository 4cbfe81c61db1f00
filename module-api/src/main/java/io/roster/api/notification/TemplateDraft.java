package io.roster.api.notification;

import java.util.Map;

/**
 * A template as written by its author (for create and update).
 *
 * @param orgUnitId the unit that owns it (its staff use it); required
 * @param name 1–200 characters, unique within the unit
 * @param description optional, up to 2000 characters
 * @param variants language code ({@code ru}, {@code uk}, {@code en}) → variant; at least one
 */
public record TemplateDraft(String orgUnitId, String name, String description, Map<String, TemplateVariant> variants) {}
