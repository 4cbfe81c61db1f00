package io.roster.api.member;

/**
 * A phone number.
 *
 * @param number in any usual format on input (national numbers use the configured default region); always E.164
 *     on output, e.g. {@code +79131234567}
 * @param label free text such as {@code mobile}, or {@code null}
 * @param primary whether this is the number to use first; at most one per member
 * @param status whether it works; {@code null} on input means {@link ContactPointStatus#ACTIVE}
 */
public record Phone(String number, String label, boolean primary, ContactPointStatus status) {}
