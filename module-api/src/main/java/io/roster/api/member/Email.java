package io.roster.api.member;

/**
 * An e-mail address.
 *
 * @param address validated; the domain is stored in lower case
 * @param label free text, or {@code null}
 * @param primary whether this is the address to use first; at most one per member
 * @param status whether it works; {@code null} on input means {@link ContactPointStatus#ACTIVE}
 */
public record Email(String address, String label, boolean primary, ContactPointStatus status) {}
