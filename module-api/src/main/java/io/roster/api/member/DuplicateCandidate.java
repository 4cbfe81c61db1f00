package io.roster.api.member;

import java.util.List;

/**
 * An existing member that a new profile may duplicate.
 *
 * @param memberId the existing member
 * @param displayName its name (Russian order)
 * @param reasons why it matched: {@code phone}, {@code email}, {@code name-and-birth-date}
 * @param score 0–1, higher is more likely the same person
 */
public record DuplicateCandidate(String memberId, String displayName, List<String> reasons, double score) {}
