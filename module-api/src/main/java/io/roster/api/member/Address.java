package io.roster.api.member;

/**
 * A postal address as people in the region write it. At least {@code locality} or {@code street} is required.
 *
 * @param label free text such as {@code home}, or {@code null}
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code RU}, {@code UA}
 * @param region region, oblast, krai
 * @param locality city, town or village
 * @param street street
 * @param building house and building number
 * @param apartment apartment or office
 * @param primary whether this is the address to use first; at most one per member
 * @param status whether it is current; {@code null} on input means {@link ContactPointStatus#ACTIVE}
 */
public record Address(
        String label,
        String postalCode,
        String country,
        String region,
        String locality,
        String street,
        String building,
        String apartment,
        boolean primary,
        ContactPointStatus status) {}
