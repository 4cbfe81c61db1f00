/**
 * The organisation tree. Start at {@link io.roster.api.org.OrgService}. Every record in Roster belongs to one
 * {@link io.roster.api.org.OrgUnit}; every caller sees only the subtrees of its scope.
 */
package io.roster.api.org;
