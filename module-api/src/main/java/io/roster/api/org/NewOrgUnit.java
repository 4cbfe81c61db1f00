package io.roster.api.org;

/**
 * Input for a new org unit.
 *
 * @param code unique code, 1–64 of letters, digits, {@code -} and {@code _}
 * @param name 1–200 characters
 * @param kind level
 * @param parentId parent unit; {@code null} creates a root (needs an unrestricted caller)
 */
public record NewOrgUnit(String code, String name, OrgUnitKind kind, String parentId) {}
