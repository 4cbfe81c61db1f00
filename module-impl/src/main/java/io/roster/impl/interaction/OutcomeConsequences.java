package io.roster.impl.interaction;

import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.Outcome;
import io.roster.api.member.Address;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.ContactPointStatus;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an outcome does to the member's profile, the way canvassers expect. A pure function of the profile: the
 * service applies its result in the interaction's transaction.
 */
public final class OutcomeConsequences {
    private OutcomeConsequences() {}

    /**
     * The profile after the outcome.
     *
     * @param phoneE164 the number used, or {@code null}: then a wrong number marks the primary phone (or the only one)
     * @param doNotContact whether the person refused further contact over the channel
     * @return the changed draft, or the same instance when the outcome changes nothing
     */
    public static MemberDraft apply(
            MemberDraft member, Outcome outcome, InteractionChannel channel, String phoneE164, boolean doNotContact) {
        if (outcome == null) {
            return member;
        }
        return switch (outcome) {
            case WRONG_NUMBER -> markPhoneBad(member, phoneE164);
            case MOVED -> markAddressesStale(member);
            case DECEASED -> deceased(member);
            case REFUSED ->
                doNotContact && channel.contactChannel() != null
                        ? stopChannel(member, channel.contactChannel())
                        : member;
            default -> member;
        };
    }

    private static MemberDraft markPhoneBad(MemberDraft m, String phoneE164) {
        List<Phone> phones = m.phones() == null ? List.of() : m.phones();
        int target = -1;
        for (int i = 0; i < phones.size(); i++) {
            if (phoneE164 != null
                    ? phones.get(i).number().equals(phoneE164)
                    : phones.get(i).primary()) {
                target = i;
            }
        }
        if (target < 0 && phoneE164 == null && phones.size() == 1) {
            target = 0;
        }
        if (target < 0 || phones.get(target).status() == ContactPointStatus.BAD) {
            return m;
        }
        List<Phone> out = new ArrayList<>(phones);
        Phone p = phones.get(target);
        out.set(target, new Phone(p.number(), p.label(), p.primary(), ContactPointStatus.BAD));
        return m.toBuilder().phones(out).build();
    }

    private static MemberDraft markAddressesStale(MemberDraft m) {
        List<Address> addresses = m.addresses() == null ? List.of() : m.addresses();
        boolean changed = false;
        List<Address> out = new ArrayList<>();
        for (Address a : addresses) {
            if (a.status() == null || a.status() == ContactPointStatus.ACTIVE) {
                out.add(new Address(
                        a.label(),
                        a.postalCode(),
                        a.country(),
                        a.region(),
                        a.locality(),
                        a.street(),
                        a.building(),
                        a.apartment(),
                        a.primary(),
                        ContactPointStatus.STALE));
                changed = true;
            } else {
                out.add(a);
            }
        }
        return changed ? m.toBuilder().addresses(out).build() : m;
    }

    private static MemberDraft deceased(MemberDraft m) {
        Set<ContactChannel> all = EnumSet.allOf(ContactChannel.class);
        if (m.status() == MemberStatus.DECEASED && all.equals(m.doNotContact())) {
            return m;
        }
        return m.toBuilder().status(MemberStatus.DECEASED).doNotContact(all).build();
    }

    private static MemberDraft stopChannel(MemberDraft m, ContactChannel channel) {
        Set<ContactChannel> dnc = EnumSet.noneOf(ContactChannel.class);
        if (m.doNotContact() != null) {
            dnc.addAll(m.doNotContact());
        }
        if (!dnc.add(channel)) {
            return m;
        }
        return m.toBuilder().doNotContact(dnc).build();
    }
}
