package io.roster.impl.member;

import io.roster.api.member.Address;
import io.roster.api.member.AttributeConflictRule;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.Email;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of merging two profiles of one person: the target's values win where both have one; what only the
 * source has is added; nothing that protects the person (a withdrawn consent, a do-not-contact flag) is lost.
 */
public final class MemberMerging {
    private MemberMerging() {}

    /** The draft of the merged profile; both inputs are normalised drafts. */
    public static MemberDraft merge(MemberDraft target, MemberDraft source, AttributeConflictRule rule) {
        List<Phone> phones = new ArrayList<>(target.phones());
        Set<String> seenPhones = new HashSet<>();
        target.phones().forEach(p -> seenPhones.add(p.number()));
        for (Phone p : source.phones()) {
            if (seenPhones.add(p.number())) {
                phones.add(new Phone(p.number(), p.label(), false, p.status()));
            }
        }
        List<Email> emails = new ArrayList<>(target.emails());
        Set<String> seenEmails = new HashSet<>();
        target.emails().forEach(m -> seenEmails.add(m.address().toLowerCase(Locale.ROOT)));
        for (Email m : source.emails()) {
            if (seenEmails.add(m.address().toLowerCase(Locale.ROOT))) {
                emails.add(new Email(m.address(), m.label(), false, m.status()));
            }
        }
        List<Address> addresses = new ArrayList<>(target.addresses());
        for (Address a : source.addresses()) {
            boolean same = target.addresses().stream().anyMatch(t -> sameAddress(t, a));
            if (!same) {
                addresses.add(new Address(
                        a.label(),
                        a.postalCode(),
                        a.country(),
                        a.region(),
                        a.locality(),
                        a.street(),
                        a.building(),
                        a.apartment(),
                        false,
                        a.status()));
            }
        }
        List<Position> positions = new ArrayList<>(target.positions());
        source.positions().stream().filter(p -> !positions.contains(p)).forEach(positions::add);

        Map<ContactChannel, Consent> consents = new EnumMap<>(ContactChannel.class);
        for (Consent c : target.consents()) {
            consents.put(c.channel(), c);
        }
        for (Consent c : source.consents()) {
            consents.merge(c.channel(), c, MemberMerging::newerConsent);
        }
        Set<ContactChannel> dnc = EnumSet.noneOf(ContactChannel.class);
        dnc.addAll(target.doNotContact());
        dnc.addAll(source.doNotContact());

        Map<String, Object> attributes = new TreeMap<>(target.customAttributes());
        source.customAttributes().forEach((k, v) -> {
            if (rule == AttributeConflictRule.PREFER_SOURCE || !attributes.containsKey(k)) {
                attributes.put(k, v);
            }
        });
        return new MemberDraft(
                target.orgUnitId(),
                first(target.givenName(), source.givenName()),
                first(target.patronymic(), source.patronymic()),
                first(target.familyName(), source.familyName()),
                first(target.birthDate(), source.birthDate()),
                first(target.gender(), source.gender()),
                target.preferredLanguage(),
                target.status(),
                target.membershipNumber(),
                first(target.joinedOn(), source.joinedOn()),
                target.leftOn(),
                first(target.supportLevel(), source.supportLevel()),
                positions,
                union(target.tags(), source.tags()),
                union(target.skills(), source.skills()),
                phones,
                emails,
                first(target.telegramUsername(), source.telegramUsername()),
                addresses,
                new ArrayList<>(consents.values()),
                dnc,
                attributes);
    }

    // The later statement of the person's will wins; on a tie, withdrawal wins.
    private static Consent newerConsent(Consent a, Consent b) {
        int cmp = a.recordedAt().compareTo(b.recordedAt());
        if (cmp != 0) {
            return cmp > 0 ? a : b;
        }
        return a.granted() ? b : a;
    }

    private static boolean sameAddress(Address a, Address b) {
        return java.util.Objects.equals(a.locality(), b.locality())
                && java.util.Objects.equals(a.street(), b.street())
                && java.util.Objects.equals(a.building(), b.building())
                && java.util.Objects.equals(a.apartment(), b.apartment());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
