package io.roster.api.interaction;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The history of contacts with members. An interaction is visible to whoever sees its member; reading needs
 * {@code MEMBER_READ}, logging and correcting {@code INTERACTION_WRITE}, seeing deleted ones {@code INTERACTION_ADMIN}.
 */
public interface InteractionService {

    /**
     * Logs an interaction and applies its outcome's consequences to the member, in one transaction. With an
     * {@code externalRef} already known, the existing interaction is corrected instead (same ref, same interaction).
     *
     * @return the interaction, and whether it was created (false: an existing one with the same externalRef)
     * @throws io.roster.api.error.ValidationException with a path for every invalid field
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     */
    Logged log(InteractionDraft draft);

    /**
     * Logs the same interaction for up to 5,000 members in one transaction: all or nothing.
     *
     * @param template the interaction; its {@code memberId} and {@code externalRef} must be {@code null}
     * @throws io.roster.api.error.ValidationException naming every bad member as {@code memberIds[i]} and every bad
     *     field of the template as {@code interaction.<field>}; nothing is logged
     */
    BulkResult logForMembers(InteractionDraft template, List<String> memberIds);

    /**
     * One interaction. A deleted one is visible only with {@code INTERACTION_ADMIN}.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted (for others) or outside scope
     */
    Interaction get(String id);

    /**
     * Corrects an interaction, keeping the previous state as a revision.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException as for logging; the member cannot change
     */
    Interaction correct(String id, Long expectedVersion, UnaryOperator<InteractionDraft> changes);

    /**
     * Deletes an interaction softly: it leaves timelines and contact facts, stays visible to admins, and the
     * deletion is recorded as a revision. Deleting a deleted interaction changes nothing.
     */
    Interaction delete(String id, Long expectedVersion);

    /** The corrections of an interaction, oldest first. */
    Page<Revision> revisions(String id, PageRequest page);

    /** A member's interactions, newest first. */
    Page<Interaction> ofMember(String memberId, PageRequest page);

    /** The member's contact facts. */
    ContactFacts factsOf(String memberId);

    /** Interaction types, built-in first, then by key. */
    List<InteractionType> types();

    /**
     * Adds an interaction type ({@code INTERACTION_ADMIN}).
     *
     * @throws io.roster.api.error.ConflictException when the key exists ({@code interaction-type-taken})
     */
    InteractionType defineType(InteractionType type);

    /**
     * The result of {@link #log}.
     *
     * @param interaction the interaction as stored
     * @param created whether it was new
     */
    record Logged(Interaction interaction, boolean created) {}
}
