package io.roster.api.bot;

import io.roster.api.common.PageRequest;

/**
 * Knowledge-base entries the caller may read, newest first.
 *
 * @param orgUnitId only entries of this unit, or {@code null} for all in scope (organisation-wide ones included)
 * @param page page bounds
 */
public record KnowledgeQuery(String orgUnitId, PageRequest page) {}
