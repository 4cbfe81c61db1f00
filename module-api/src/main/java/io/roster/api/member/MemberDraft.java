package io.roster.api.member;

import io.roster.api.common.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a member that a person may edit: the input of {@link MemberService#create} and what an update
 * function transforms. Collections may be {@code null} on input and mean empty.
 *
 * @param orgUnitId home org unit; required
 * @param givenName given name; at least one of given and family name is required
 * @param patronymic patronymic, or {@code null}
 * @param familyName family name
 * @param birthDate birth date, or {@code null}; not in the future
 * @param gender gender, or {@code null}
 * @param preferredLanguage the language to write to the person in; {@code null} means Russian
 * @param status status; {@code null} on create means {@link MemberStatus#PROSPECT}
 * @param membershipNumber unique in the organisation, or {@code null}
 * @param joinedOn when the person became a member; set automatically on entering {@code MEMBER} if empty
 * @param leftOn when the person left; set automatically on entering {@code LEFT} if empty
 * @param supportLevel 1 (opposed) … 5 (strong supporter), or {@code null} when unknown
 * @param positions positions held
 * @param tags free labels, 1–64 characters each
 * @param skills skills the person offers (driving, design, law, …)
 * @param phones phone numbers
 * @param emails e-mail addresses
 * @param telegramUsername Telegram username without {@code @}, or {@code null}
 * @param addresses postal addresses
 * @param consents the current consent per channel; at most one per channel
 * @param doNotContact channels that must never be used for this person
 * @param customAttributes values of admin-defined attributes, by key, validated against their definitions
 */
public record MemberDraft(
        String orgUnitId,
        String givenName,
        String patronymic,
        String familyName,
        LocalDate birthDate,
        Gender gender,
        Language preferredLanguage,
        MemberStatus status,
        String membershipNumber,
        LocalDate joinedOn,
        LocalDate leftOn,
        Integer supportLevel,
        List<Position> positions,
        Set<String> tags,
        Set<String> skills,
        List<Phone> phones,
        List<Email> emails,
        String telegramUsername,
        List<Address> addresses,
        List<Consent> consents,
        Set<ContactChannel> doNotContact,
        Map<String, Object> customAttributes) {

    /** A draft with only names and home unit set. */
    public static MemberDraft of(String orgUnitId, String givenName, String patronymic, String familyName) {
        return new Builder()
                .orgUnitId(orgUnitId)
                .givenName(givenName)
                .patronymic(patronymic)
                .familyName(familyName)
                .build();
    }

    /** A builder holding this draft's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.orgUnitId = orgUnitId;
        b.givenName = givenName;
        b.patronymic = patronymic;
        b.familyName = familyName;
        b.birthDate = birthDate;
        b.gender = gender;
        b.preferredLanguage = preferredLanguage;
        b.status = status;
        b.membershipNumber = membershipNumber;
        b.joinedOn = joinedOn;
        b.leftOn = leftOn;
        b.supportLevel = supportLevel;
        b.positions = positions;
        b.tags = tags;
        b.skills = skills;
        b.phones = phones;
        b.emails = emails;
        b.telegramUsername = telegramUsername;
        b.addresses = addresses;
        b.consents = consents;
        b.doNotContact = doNotContact;
        b.customAttributes = customAttributes;
        return b;
    }

    /** This draft with another status. */
    public MemberDraft withStatus(MemberStatus value) {
        return toBuilder().status(value).build();
    }

    /** This draft with another membership number. */
    public MemberDraft withMembershipNumber(String value) {
        return toBuilder().membershipNumber(value).build();
    }

    /** This draft with another home org unit. */
    public MemberDraft withOrgUnitId(String value) {
        return toBuilder().orgUnitId(value).build();
    }

    /** Builds a {@link MemberDraft} field by field; unset fields are {@code null}. */
    public static final class Builder {
        private String orgUnitId;
        private String givenName;
        private String patronymic;
        private String familyName;
        private LocalDate birthDate;
        private Gender gender;
        private Language preferredLanguage;
        private MemberStatus status;
        private String membershipNumber;
        private LocalDate joinedOn;
        private LocalDate leftOn;
        private Integer supportLevel;
        private List<Position> positions;
        private Set<String> tags;
        private Set<String> skills;
        private List<Phone> phones;
        private List<Email> emails;
        private String telegramUsername;
        private List<Address> addresses;
        private List<Consent> consents;
        private Set<ContactChannel> doNotContact;
        private Map<String, Object> customAttributes;

        public Builder orgUnitId(String value) {
            this.orgUnitId = value;
            return this;
        }

        public Builder givenName(String value) {
            this.givenName = value;
            return this;
        }

        public Builder patronymic(String value) {
            this.patronymic = value;
            return this;
        }

        public Builder familyName(String value) {
            this.familyName = value;
            return this;
        }

        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        public Builder gender(Gender value) {
            this.gender = value;
            return this;
        }

        public Builder preferredLanguage(Language value) {
            this.preferredLanguage = value;
            return this;
        }

        public Builder status(MemberStatus value) {
            this.status = value;
            return this;
        }

        public Builder membershipNumber(String value) {
            this.membershipNumber = value;
            return this;
        }

        public Builder joinedOn(LocalDate value) {
            this.joinedOn = value;
            return this;
        }

        public Builder leftOn(LocalDate value) {
            this.leftOn = value;
            return this;
        }

        public Builder supportLevel(Integer value) {
            this.supportLevel = value;
            return this;
        }

        public Builder positions(List<Position> value) {
            this.positions = value;
            return this;
        }

        public Builder tags(Set<String> value) {
            this.tags = value;
            return this;
        }

        public Builder skills(Set<String> value) {
            this.skills = value;
            return this;
        }

        public Builder phones(List<Phone> value) {
            this.phones = value;
            return this;
        }

        public Builder emails(List<Email> value) {
            this.emails = value;
            return this;
        }

        public Builder telegramUsername(String value) {
            this.telegramUsername = value;
            return this;
        }

        public Builder addresses(List<Address> value) {
            this.addresses = value;
            return this;
        }

        public Builder consents(List<Consent> value) {
            this.consents = value;
            return this;
        }

        public Builder doNotContact(Set<ContactChannel> value) {
            this.doNotContact = value;
            return this;
        }

        public Builder customAttributes(Map<String, Object> value) {
            this.customAttributes = value;
            return this;
        }

        public MemberDraft build() {
            return new MemberDraft(
                    orgUnitId,
                    givenName,
                    patronymic,
                    familyName,
                    birthDate,
                    gender,
                    preferredLanguage,
                    status,
                    membershipNumber,
                    joinedOn,
                    leftOn,
                    supportLevel,
                    positions,
                    tags,
                    skills,
                    phones,
                    emails,
                    telegramUsername,
                    addresses,
                    consents,
                    doNotContact,
                    customAttributes);
        }
    }
}
