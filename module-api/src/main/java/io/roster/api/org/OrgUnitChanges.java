package io.roster.api.org;

/**
 * Changes to an org unit; {@code null} fields stay as they are.
 *
 * @param code new code
 * @param name new name
 * @param kind new kind
 * @param parentId new parent: moves the unit with its whole subtree
 */
public record OrgUnitChanges(String code, String name, OrgUnitKind kind, String parentId) {}
