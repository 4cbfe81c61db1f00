package io.roster.api.interaction;

import io.roster.api.member.ContactChannel;

/** The medium a contact went through. */
public enum InteractionChannel {
    PHONE(ContactChannel.PHONE),
    SMS(ContactChannel.SMS),
    EMAIL(ContactChannel.EMAIL),
    TELEGRAM(ContactChannel.TELEGRAM),
    POST(ContactChannel.POST),
    /** A door knock or home visit. */
    VISIT(ContactChannel.VISIT),
    /** A meeting, an event, a training. */
    IN_PERSON(null),
    OTHER(null);

    private final ContactChannel contactChannel;

    InteractionChannel(ContactChannel contactChannel) {
        this.contactChannel = contactChannel;
    }

    /** The channel consents and do-not-contact flags are kept for, or {@code null} when there is none. */
    public ContactChannel contactChannel() {
        return contactChannel;
    }
}
