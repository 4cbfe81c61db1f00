package io.roster.web.rest.member;

import io.roster.api.member.AttributeConflictRule;

/**
 * Body of {@code POST /members/{id}/merges}.
 *
 * @param sourceMemberId the duplicate profile to merge into this one
 * @param attributeConflictRule which custom attribute value wins; default {@code KEEP_TARGET}
 */
public record MergeRequest(String sourceMemberId, AttributeConflictRule attributeConflictRule) {}
