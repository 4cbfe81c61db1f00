package io.roster.api.member;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.function.UnaryOperator;

/**
 * Member profiles. Every call runs as the current {@link io.roster.api.security.Caller} and sees only members of
 * units in its scope; others are reported as not found.
 */
public interface MemberService {

    /**
     * Creates a profile. Unless {@code allowDuplicates}, refuses a profile whose phone or e-mail is already used by a
     * member in scope, or whose name and birth date are very close to one.
     *
     * @return the new member
     * @throws io.roster.api.error.ValidationException with a path for every invalid field, and on {@code orgUnitId}
     *     ({@code unknown-org-unit}) when the home unit is unknown or outside scope
     * @throws DuplicateMemberException when it looks like an existing member
     * @throws io.roster.api.error.ConflictException when the membership number is taken
     *     ({@code membership-number-taken})
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE}
     */
    Member create(MemberDraft draft, boolean allowDuplicates);

    /**
     * One member. A merged-away id resolves to the member it was merged into.
     *
     * @return the member, whose id differs from the one asked for when it was merged
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    Member get(String id);

    /**
     * Changes a profile: the function receives the current draft and returns the desired one, inside the same
     * transaction, so the change is applied to exactly the state it was computed from.
     *
     * @param expectedVersion the version the caller saw, or {@code null} to skip the check
     * @return the member after the change (its version unchanged when nothing changed)
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException as for create, and for a forbidden status change
     * @throws io.roster.api.error.InvalidStateException when the member is archived or was merged
     * @throws io.roster.api.error.ConflictException when the new membership number is taken
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE} and {@code MEMBER_READ}
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ValidationException on {@code orgUnitId} when a new home unit is outside scope
     */
    Member update(String id, Long expectedVersion, UnaryOperator<MemberDraft> changes);

    /**
     * Archives a profile: it leaves default lists and cannot be edited; its history is kept.
     *
     * @return the archived member; archiving an archived member changes nothing
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.InvalidStateException when the member was merged ({@code member-merged})
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE} and {@code MEMBER_READ}
     */
    Member archive(String id, Long expectedVersion);

    /**
     * Searches members in scope. Uses indexes for every filter; the cost grows with the page, not the table.
     *
     * @throws io.roster.api.error.ValidationException when a filter or the cursor is invalid, or the
     *     {@code orgUnitId} filter names a unit outside scope ({@code unknown-org-unit})
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    Page<MemberSummary> search(MemberQuery query);

    /**
     * The status history of a member, newest first.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    Page<StatusChange> statusHistory(String id, PageRequest page);

    /**
     * Merges {@code sourceId} into {@code targetId}: contact points, tags, skills, positions and consents are
     * united, custom attributes follow the rule; the source is archived and its id resolves to the target from then
     * on.
     *
     * @param expectedTargetVersion the target version the caller saw, or {@code null}
     * @return the target after the merge
     * @throws io.roster.api.error.InvalidStateException when merging a member into itself or a merged member
     * @throws io.roster.api.error.NotFoundException when either is unknown or outside scope
     * @throws io.roster.api.error.StaleVersionException when {@code expectedTargetVersion} is not current
     * @throws io.roster.api.error.ValidationException when the merged profile breaks a rule
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_MERGE}, {@code MEMBER_WRITE} and
     *     {@code MEMBER_READ}
     */
    Member merge(String targetId, String sourceId, AttributeConflictRule rule, Long expectedTargetVersion);
}
