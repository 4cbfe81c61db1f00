package io.roster.api.org;

import java.time.Instant;

/**
 * A node of the organisation tree.
 *
 * @param id unit id
 * @param code short unique code, e.g. {@code RU-OMS}
 * @param name name as the organisation writes it
 * @param kind level of the unit
 * @param parentId parent unit, or {@code null} for a root
 * @param depth 0 for a root, 1 for its children, and so on
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic-lock version, the ETag
 */
public record OrgUnit(
        String id,
        String code,
        String name,
        OrgUnitKind kind,
        String parentId,
        int depth,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
