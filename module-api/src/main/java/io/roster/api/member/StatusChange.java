package io.roster.api.member;

import java.time.Instant;

/**
 * One change of a member's status.
 *
 * @param from previous status, or {@code null} for the first
 * @param to new status
 * @param changedAt when
 * @param changedBy id of the caller who changed it
 */
public record StatusChange(MemberStatus from, MemberStatus to, Instant changedAt, String changedBy) {}
