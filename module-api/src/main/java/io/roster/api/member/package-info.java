/**
 * Member profiles: start at {@link io.roster.api.member.MemberService}. Create from a
 * {@link io.roster.api.member.MemberDraft}, read a {@link io.roster.api.member.Member}, change with a function over
 * the draft, search with a {@link io.roster.api.member.MemberQuery}. Custom attributes are defined through
 * {@link io.roster.api.member.AttributeDefinitionService}.
 */
package io.roster.api.member;
