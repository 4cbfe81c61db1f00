package io.roster.impl.member;

import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.member.Address;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.Email;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a member profile must satisfy: allowed status changes and field validation. */
public final class MemberRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_TAGS = 100;
    static final int MAX_POSITION_TITLE_LENGTH = 200;
    static final int MAX_POSITIONS = 100;
    static final int MAX_CONTACT_POINTS = 20;
    static final int MAX_LABEL_LENGTH = 64;
    static final int MAX_ADDRESS_PART_LENGTH = 200;
    static final int MAX_POSTAL_CODE_LENGTH = 20;
    static final int MAX_CONSENT_SOURCE_LENGTH = 200;
    static final int MAX_CONSENT_EVIDENCE_LENGTH = 2000;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Consents recorded by another machine may carry a clock that runs slightly ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern MEMBERSHIP_NUMBER = Pattern.compile("[A-Za-z0-9\\-/_.\\p{IsCyrillic}]{1,64}");
    private static final Pattern TELEGRAM = Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private static final Map<MemberStatus, Set<MemberStatus>> TRANSITIONS = transitions();

    private MemberRules() {}

    private static Map<MemberStatus, Set<MemberStatus>> transitions() {
        Map<MemberStatus, Set<MemberStatus>> t = new EnumMap<>(MemberStatus.class);
        Set<MemberStatus> engaged = EnumSet.of(
                MemberStatus.PROSPECT,
                MemberStatus.SUPPORTER,
                MemberStatus.VOLUNTEER,
                MemberStatus.MEMBER,
                MemberStatus.LEFT);
        t.put(MemberStatus.PROSPECT, engaged);
        t.put(MemberStatus.SUPPORTER, engaged);
        t.put(MemberStatus.VOLUNTEER, engaged);
        // Only a member can be suspended, and a suspension ends in reinstatement or leaving, never in a downgrade.
        t.put(
                MemberStatus.MEMBER,
                EnumSet.of(MemberStatus.SUSPENDED, MemberStatus.LEFT, MemberStatus.VOLUNTEER, MemberStatus.SUPPORTER));
        t.put(MemberStatus.SUSPENDED, EnumSet.of(MemberStatus.MEMBER, MemberStatus.LEFT));
        t.put(
                MemberStatus.LEFT,
                EnumSet.of(MemberStatus.PROSPECT, MemberStatus.SUPPORTER, MemberStatus.VOLUNTEER, MemberStatus.MEMBER));
        return t;
    }

    /**
     * Whether a member may move from one status to another. Staying in the same status is always allowed. A
     * {@code null} {@code from} means a new profile, which may start in any status (imports bring members who
     * left long ago); a {@code null} {@code to} is never allowed.
     */
    public static boolean isAllowed(MemberStatus from, MemberStatus to) {
        if (to == null) {
            return false;
        }
        if (from == null || from == to) {
            return true;
        }
        // A death can be learnt at any time; recording one by mistake must be correctable to any living status.
        if (to == MemberStatus.DECEASED || from == MemberStatus.DECEASED) {
            return true;
        }
        return TRANSITIONS.get(from).contains(to);
    }

    /**
     * @throws ValidationException with path {@code status} and code {@code status-transition} when the move is not
     *     allowed
     */
    public static void checkTransition(MemberStatus from, MemberStatus to) {
        if (!isAllowed(from, to)) {
            throw ValidationException.of(
                    "status", "status-transition", "The status cannot change from " + from + " to " + to);
        }
    }

    /** The username without a leading {@code @}, or {@code null} when blank. */
    public static String normalizeTelegram(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String stripped = username.strip();
        return stripped.startsWith("@") ? stripped.substring(1) : stripped;
    }

    /**
     * Checks every field rule of a draft. Custom attributes are not checked here: that needs their definitions,
     * see {@link AttributeValues}.
     *
     * @param phones reads the draft's phone numbers, in the configured default region
     * @param clock today's date and the current instant, for birth dates and consents
     * @return every broken rule with the JSON path of its field; empty when the draft is valid
     */
    public static List<FieldError> validate(MemberDraft draft, PhoneNumbers phones, Clock clock) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(clock, "clock");
        Errors errors = new Errors();

        if (isBlank(draft.orgUnitId())) {
            errors.add("orgUnitId", "required", "The home org unit is required");
        }
        if (isBlank(draft.givenName()) && isBlank(draft.familyName())) {
            errors.add("givenName", "required", "A given name or a family name is required");
        }
        checkName(errors, "givenName", draft.givenName());
        checkName(errors, "patronymic", draft.patronymic());
        checkName(errors, "familyName", draft.familyName());

        LocalDate today = LocalDate.now(clock);
        if (draft.birthDate() != null
                && (draft.birthDate().isAfter(today) || draft.birthDate().isBefore(EARLIEST_BIRTH_DATE))) {
            errors.add("birthDate", "out-of-range", "The birth date must be between 1900-01-01 and today");
        }
        if (draft.supportLevel() != null && (draft.supportLevel() < 1 || draft.supportLevel() > 5)) {
            errors.add("supportLevel", "range", "The support level must be between 1 and 5");
        }
        if (draft.membershipNumber() != null
                && !MEMBERSHIP_NUMBER.matcher(draft.membershipNumber()).matches()) {
            errors.add(
                    "membershipNumber",
                    "invalid",
                    "The membership number must be 1-64 letters, digits, '-', '/', '_' or '.'");
        }
        if (draft.joinedOn() != null && draft.leftOn() != null && draft.leftOn().isBefore(draft.joinedOn())) {
            errors.add("leftOn", "before-joined", "The date of leaving is before the date of joining");
        }

        checkLabels(errors, "tags", draft.tags());
        checkLabels(errors, "skills", draft.skills());
        checkPositions(errors, draft.positions());
        checkPhones(errors, draft.phones(), phones);
        checkEmails(errors, draft.emails());
        if (!isBlank(draft.telegramUsername())
                && !TELEGRAM.matcher(draft.telegramUsername().strip()).matches()) {
            errors.add(
                    "telegramUsername",
                    "invalid",
                    "A Telegram username is 5-32 Latin letters, digits or '_', starting with a letter");
        }
        checkAddresses(errors, draft.addresses());
        checkConsents(errors, draft.consents(), clock.instant());
        if (draft.doNotContact() != null && draft.doNotContact().stream().anyMatch(Objects::isNull)) {
            errors.add("doNotContact", "invalid", "A do-not-contact channel is missing");
        }
        return errors.list();
    }

    private static void checkName(Errors errors, String path, String name) {
        if (name == null) {
            return;
        }
        if (length(name) > MAX_NAME_LENGTH) {
            errors.add(path, "too-long", "At most " + MAX_NAME_LENGTH + " characters are allowed");
        }
        if (hasControlCharacters(name)) {
            errors.add(path, "invalid-characters", "Control characters and line breaks are not allowed");
        }
    }

    private static void checkLabels(Errors errors, String path, Collection<String> labels) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_TAGS) {
            errors.add(path, "too-many", "At most " + MAX_TAGS + " values are allowed");
        }
        int i = 0;
        for (String label : labels) {
            if (label == null || label.isBlank() || length(label) > MAX_TAG_LENGTH || hasControlCharacters(label)) {
                errors.add(
                        path + "[" + i + "]",
                        "invalid",
                        "Each value must be 1-" + MAX_TAG_LENGTH + " characters without control characters");
            }
            i++;
        }
    }

    private static void checkPositions(Errors errors, List<Position> positions) {
        if (positions == null) {
            return;
        }
        if (positions.size() > MAX_POSITIONS) {
            errors.add("positions", "too-many", "At most " + MAX_POSITIONS + " positions are allowed");
        }
        for (int i = 0; i < positions.size(); i++) {
            String path = "positions[" + i + "]";
            Position position = positions.get(i);
            if (position == null) {
                errors.add(path, "required", "A position is missing");
                continue;
            }
            if (isBlank(position.title())) {
                errors.add(path + ".title", "required", "The title is required");
            } else if (length(position.title()) > MAX_POSITION_TITLE_LENGTH) {
                errors.add(
                        path + ".title",
                        "too-long",
                        "At most " + MAX_POSITION_TITLE_LENGTH + " characters are allowed");
            } else if (hasControlCharacters(position.title())) {
                errors.add(path + ".title", "invalid-characters", "Control characters are not allowed");
            }
            if (position.since() != null
                    && position.until() != null
                    && position.until().isBefore(position.since())) {
                errors.add(path + ".until", "before-since", "The end date is before the start date");
            }
        }
    }

    private static void checkPhones(Errors errors, List<Phone> list, PhoneNumbers phones) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_CONTACT_POINTS) {
            errors.add("phones", "too-many", "At most " + MAX_CONTACT_POINTS + " phone numbers are allowed");
        }
        Set<String> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "phones[" + i + "]";
            Phone phone = list.get(i);
            if (phone == null) {
                errors.add(path, "required", "A phone entry is missing");
                continue;
            }
            Optional<String> e164 = phones.toE164(phone.number());
            if (e164.isEmpty()) {
                errors.add(path + ".number", "invalid-phone", "This is not a phone number");
            } else if (!seen.add(e164.get())) {
                errors.add(path + ".number", "duplicate", "The same number is listed twice");
            }
            checkLabel(errors, path, phone.label());
            if (phone.primary()) {
                primaries++;
            }
        }
        if (primaries > 1) {
            errors.add("phones", "multiple-primary", "At most one phone number can be primary");
        }
    }

    private static void checkEmails(Errors errors, List<Email> list) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_CONTACT_POINTS) {
            errors.add("emails", "too-many", "At most " + MAX_CONTACT_POINTS + " e-mail addresses are allowed");
        }
        Set<String> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "emails[" + i + "]";
            Email email = list.get(i);
            if (email == null) {
                errors.add(path, "required", "An e-mail entry is missing");
                continue;
            }
            Optional<String> normalized = EmailAddresses.normalize(email.address());
            if (normalized.isEmpty()) {
                errors.add(path + ".address", "invalid-email", "This is not an e-mail address");
            } else if (!seen.add(normalized.get().toLowerCase(Locale.ROOT))) {
                // Case-insensitive, like duplicate detection: two spellings of one mailbox are one address.
                errors.add(path + ".address", "duplicate", "The same address is listed twice");
            }
            checkLabel(errors, path, email.label());
            if (email.primary()) {
                primaries++;
            }
        }
        if (primaries > 1) {
            errors.add("emails", "multiple-primary", "At most one e-mail address can be primary");
        }
    }

    private static void checkAddresses(Errors errors, List<Address> list) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_CONTACT_POINTS) {
            errors.add("addresses", "too-many", "At most " + MAX_CONTACT_POINTS + " addresses are allowed");
        }
        int primaries = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "addresses[" + i + "]";
            Address address = list.get(i);
            if (address == null) {
                errors.add(path, "required", "An address entry is missing");
                continue;
            }
            if (isBlank(address.locality()) && isBlank(address.street())) {
                errors.add(path, "incomplete", "An address needs at least a locality or a street");
            }
            if (!isBlank(address.country())
                    && !COUNTRY.matcher(address.country().strip()).matches()) {
                errors.add(path + ".country", "invalid", "The country must be a two-letter ISO 3166-1 code");
            }
            checkLength(errors, path + ".postalCode", address.postalCode(), MAX_POSTAL_CODE_LENGTH);
            checkLength(errors, path + ".region", address.region(), MAX_ADDRESS_PART_LENGTH);
            checkLength(errors, path + ".locality", address.locality(), MAX_ADDRESS_PART_LENGTH);
            checkLength(errors, path + ".street", address.street(), MAX_ADDRESS_PART_LENGTH);
            checkLength(errors, path + ".building", address.building(), MAX_ADDRESS_PART_LENGTH);
            checkLength(errors, path + ".apartment", address.apartment(), MAX_ADDRESS_PART_LENGTH);
            checkLabel(errors, path, address.label());
            if (address.primary()) {
                primaries++;
            }
        }
        if (primaries > 1) {
            errors.add("addresses", "multiple-primary", "At most one address can be primary");
        }
    }

    private static void checkConsents(Errors errors, List<Consent> list, Instant now) {
        if (list == null) {
            return;
        }
        Instant latest = now.plus(CLOCK_SKEW);
        Set<ContactChannel> seen = EnumSet.noneOf(ContactChannel.class);
        for (int i = 0; i < list.size(); i++) {
            String path = "consents[" + i + "]";
            Consent consent = list.get(i);
            if (consent == null) {
                errors.add(path, "required", "A consent entry is missing");
                continue;
            }
            if (consent.channel() == null) {
                errors.add(path + ".channel", "required", "The channel is required");
            } else if (!seen.add(consent.channel())) {
                errors.add(path + ".channel", "duplicate", "There is already a consent for this channel");
            }
            if (consent.granted() == null) {
                errors.add(path + ".granted", "required", "Say whether consent is given (true) or withdrawn (false)");
            }
            if (consent.recordedAt() != null && consent.recordedAt().isAfter(latest)) {
                errors.add(path + ".recordedAt", "in-future", "A consent cannot be recorded in the future");
            }
            checkLength(errors, path + ".source", consent.source(), MAX_CONSENT_SOURCE_LENGTH);
            checkLength(errors, path + ".evidence", consent.evidence(), MAX_CONSENT_EVIDENCE_LENGTH);
        }
    }

    private static void checkLabel(Errors errors, String path, String label) {
        checkLength(errors, path + ".label", label, MAX_LABEL_LENGTH);
    }

    private static void checkLength(Errors errors, String path, String value, int max) {
        if (value != null && length(value) > max) {
            errors.add(path, "too-long", "At most " + max + " characters are allowed");
        }
    }

    /** Length in code points, so that a name in a supplementary-plane script is not charged double. */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String path, String code, String message) {
            list.add(new FieldError(path, code, message));
        }

        List<FieldError> list() {
            return List.copyOf(list);
        }
    }
}
