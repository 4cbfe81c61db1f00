package io.roster.impl.member;

import io.roster.api.member.Address;
import io.roster.api.member.Email;
import io.roster.api.member.Member;
import io.roster.api.member.Phone;
import java.util.List;

/**
 * Hides a member's contact details from callers without the contact-details permission, leaving enough to tell
 * contact points apart in a list: {@code +7 *** ***-45-67}, {@code i***@e***.ru}, {@code @iv***}, and of an address
 * only the country, region and locality. Labels, primary flags and statuses stay, so a viewer still knows a member
 * has a working mobile number.
 */
public final class ContactMasking {
    static final String HIDDEN = "***";

    private ContactMasking() {}

    /** Whether a member has any contact detail that masking would hide. */
    public static boolean hasContactDetails(Member m) {
        return !m.phones().isEmpty()
                || !m.emails().isEmpty()
                || !m.addresses().isEmpty()
                || m.telegramUsername() != null;
    }

    /** The member with every contact detail masked. */
    public static Member mask(Member m, PhoneNumbers phones) {
        List<Phone> maskedPhones = m.phones().stream()
                .map(p -> new Phone(phones.mask(p.number()), p.label(), p.primary(), p.status()))
                .toList();
        List<Email> maskedEmails = m.emails().stream()
                .map(e -> new Email(email(e.address()), e.label(), e.primary(), e.status()))
                .toList();
        List<Address> maskedAddresses = m.addresses().stream()
                .map(a -> new Address(
                        a.label(),
                        hide(a.postalCode()),
                        a.country(),
                        a.region(),
                        a.locality(),
                        hide(a.street()),
                        hide(a.building()),
                        hide(a.apartment()),
                        a.primary(),
                        a.status()))
                .toList();
        return new Member(
                m.id(),
                m.orgUnitId(),
                m.givenName(),
                m.patronymic(),
                m.familyName(),
                m.birthDate(),
                m.gender(),
                m.preferredLanguage(),
                m.status(),
                m.membershipNumber(),
                m.joinedOn(),
                m.leftOn(),
                m.supportLevel(),
                m.positions(),
                m.tags(),
                m.skills(),
                maskedPhones,
                maskedEmails,
                telegram(m.telegramUsername()),
                maskedAddresses,
                m.consents(),
                m.doNotContact(),
                m.customAttributes(),
                m.archivedAt(),
                m.createdAt(),
                m.updatedAt(),
                m.version(),
                m.contactFacts());
    }

    /** {@code ivan.petrov@example.ru} → {@code i***@e***.ru}. */
    static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return HIDDEN;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot > 0 ? domain.substring(dot) : "";
        return local.codePoints()
                        .limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + HIDDEN
                + "@"
                + domain.codePoints()
                        .limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + HIDDEN
                + tld;
    }

    /** {@code ivan_petrov} → {@code iv***}; a short name is hidden whole. */
    static String telegram(String username) {
        if (username == null) {
            return null;
        }
        return username.length() <= 4 ? HIDDEN : username.substring(0, 2) + HIDDEN;
    }

    private static String hide(String value) {
        return value == null ? null : HIDDEN;
    }
}
