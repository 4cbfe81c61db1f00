package io.roster.api.member;

import java.util.Set;

/**
 * A member's tags after a batch.
 *
 * @param memberId the member
 * @param tags its tags now
 * @param version its version now (unchanged when the batch changed nothing for it)
 */
public record TaggedMember(String memberId, Set<String> tags, long version) {}
