package io.roster.api.org;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.List;

/**
 * The organisation tree: national → region → district → branch → cell, any depth. Every call is limited to the
 * caller's scope; units outside it are reported as not found.
 */
public interface OrgService {

    /**
     * Creates a unit.
     *
     * @return the new unit
     * @throws io.roster.api.error.ValidationException when a field is missing or malformed
     * @throws io.roster.api.error.ConflictException when the code is taken ({@code org-unit-code-taken})
     * @throws io.roster.api.error.NotFoundException when the parent is unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code ORG_WRITE}, or for a root by a restricted caller
     */
    OrgUnit create(NewOrgUnit unit);

    /**
     * One unit.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     */
    OrgUnit get(String id);

    /**
     * Renames, re-codes or moves a unit. A move re-parents the whole subtree in one statement.
     *
     * @param expectedVersion the version the caller saw, or {@code null} to skip the check
     * @return the unit after the change
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.InvalidStateException when moving a unit under itself or its descendant
     *     ({@code org-unit-cycle})
     * @throws io.roster.api.error.NotFoundException when the unit or new parent is unknown or outside scope
     */
    OrgUnit update(String id, Long expectedVersion, OrgUnitChanges changes);

    /**
     * Children of a unit, by name. With {@code parentId == null}: the roots of the caller's scope.
     *
     * @throws io.roster.api.error.NotFoundException when the parent is unknown or outside scope
     */
    Page<OrgUnit> children(String parentId, PageRequest page);

    /**
     * The ancestors of a unit from the root down, not including the unit itself. Bounded by the tree depth.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     */
    List<OrgUnit> ancestors(String id);
}
