/**
 * The exceptions Roster's services throw: {@link io.roster.api.error.RosterException} and its subclasses for not
 * found, validation (with field paths), conflict, stale version, forbidden, unauthenticated and invalid state. The
 * REST layer maps each to one HTTP status and problem type.
 */
package io.roster.api.error;
