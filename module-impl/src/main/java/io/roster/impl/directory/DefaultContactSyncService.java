package io.roster.impl.directory;

import io.roster.api.directory.ContactSyncService;
import io.roster.api.directory.CrmLink;
import io.roster.api.error.ConflictException;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.Email;
import io.roster.api.member.Member;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberService;
import io.roster.api.member.Phone;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.RosterClock;
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.member.PhoneNumberSettings;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.security.Access;
import io.roster.spi.directory.ContactDirectory;
import io.roster.spi.directory.ContactRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultContactSyncService implements ContactSyncService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    DefaultMemberService memberRecords;

    @Inject
    MemberService members;

    @Inject
    Instance<ContactDirectory> directories;

    @Inject
    AuditLog audit;

    @Inject
    RosterClock clock;

    @Inject
    PhoneNumberSettings phones;

    /** The installed directories, preferred first. */
    List<ContactDirectory> installed() {
        List<ContactDirectory> all = new ArrayList<>();
        directories.forEach(all::add);
        all.sort(Comparator.comparingInt(ContactDirectory::priority).thenComparing(ContactDirectory::id));
        return all;
    }

    private ContactDirectory directory(String id) {
        List<ContactDirectory> all = installed();
        if (id == null) {
            if (all.isEmpty()) {
                throw ValidationException.of("directory", "unknown-directory", "no contact directory is installed");
            }
            return all.get(0);
        }
        return all.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () -> ValidationException.of("directory", "unknown-directory", "no such contact directory"));
    }

    @Override
    @Transactional
    public CrmLink link(String memberId, String directoryId, String crmContactId) {
        Caller caller = access.require(Permission.MEMBER_WRITE);
        MemberEntity m = memberRecords.memberForHistory(memberId);
        ContactDirectory d = directory(directoryId);
        String contact = crmContactId == null ? null : crmContactId.strip();
        if (contact == null || contact.isEmpty() || contact.length() > 200) {
            throw ValidationException.of("crmContactId", "required", "crmContactId is 1–200 characters");
        }
        List<UUID> holder = sql(
                "select member_id from member_crm_link where directory = ? and crm_contact_id = ?", d.id(), contact);
        if (!holder.isEmpty() && !holder.get(0).equals(m.id)) {
            throw new ConflictException("crm-contact-linked", "this CRM contact is linked to another member");
        }
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        update(
                "insert into member_crm_link (member_id, directory, crm_contact_id, linked_at, linked_by)"
                        + " values (?, ?, ?, ?, ?) on conflict (member_id, directory) do update"
                        + " set crm_contact_id = excluded.crm_contact_id, linked_at = excluded.linked_at,"
                        + " linked_by = excluded.linked_by",
                m.id,
                d.id(),
                contact,
                now,
                caller.id());
        audit.record("member.crm-linked", "member", m.id, m.id, Map.of("directory", d.id(), "crmContactId", contact));
        return new CrmLink(m.id.toString(), d.id(), contact, now.toInstant(), caller.id());
    }

    @Override
    @Transactional
    public List<CrmLink> links(String memberId) {
        access.require(Permission.MEMBER_READ);
        MemberEntity m = memberRecords.memberForHistory(memberId);
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<CrmLink> out = new ArrayList<>();
            try (var ps = c.prepareStatement("select directory, crm_contact_id, linked_at, linked_by"
                    + " from member_crm_link where member_id = ? order by directory")) {
                ps.setObject(1, m.id);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CrmLink(
                                m.id.toString(),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    @Transactional
    public void unlink(String memberId, String directoryId) {
        access.require(Permission.MEMBER_WRITE);
        MemberEntity m = memberRecords.memberForHistory(memberId);
        String d = directoryId == null ? directory(null).id() : directoryId;
        int removed = update("delete from member_crm_link where member_id = ? and directory = ?", m.id, d);
        if (removed > 0) {
            audit.record("member.crm-unlinked", "member", m.id, m.id, Map.of("directory", d));
        }
    }

    @Override
    @Transactional
    public Member pull(String memberId, String directoryId) {
        access.require(Permission.MEMBER_WRITE);
        access.require(Permission.MEMBER_READ);
        MemberEntity m = memberRecords.memberForHistory(memberId);
        ContactDirectory d = directory(directoryId);
        String contact = linkedContact(m.id, d.id());
        ContactRecord record = call(d, () -> d.pull(contact))
                .orElseThrow(() ->
                        new InvalidStateException("crm-contact-missing", "the CRM no longer has the linked contact"));
        return members.update(m.id.toString(), null, current -> apply(current, record));
    }

    @Override
    @Transactional
    public void push(String memberId, String directoryId) {
        access.require(Permission.MEMBER_READ);
        access.require(Permission.MEMBER_CONTACTS_READ);
        MemberEntity m = memberRecords.memberForHistory(memberId);
        ContactDirectory d = directory(directoryId);
        String contact = linkedContact(m.id, d.id());
        Member member = members.get(m.id.toString());
        ContactRecord record = new ContactRecord(
                contact,
                member.givenName(),
                member.patronymic(),
                member.familyName(),
                member.phones().stream().map(Phone::number).toList(),
                member.emails().stream().map(Email::address).toList(),
                member.telegramUsername());
        call(d, () -> {
            d.push(record);
            return null;
        });
        audit.record("member.crm-pushed", "member", m.id, m.id, Map.of("directory", d.id(), "crmContactId", contact));
    }

    /** A call into the host's directory; its failure is reported without its details, which may quote data. */
    private static <T> T call(ContactDirectory d, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (io.roster.api.error.RosterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidStateException(
                    "crm-unavailable",
                    "the contact directory " + d.id() + " failed ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    private String linkedContact(UUID member, String directory) {
        List<String> found = em.unwrap(Session.class).doReturningWork(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement(
                    "select crm_contact_id from member_crm_link where member_id = ? and directory = ?")) {
                ps.setObject(1, member);
                ps.setString(2, directory);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        if (found.isEmpty()) {
            throw new InvalidStateException(
                    "crm-link-missing", "the member is not linked to a contact in " + directory);
        }
        return found.get(0);
    }

    /** The CRM's values over Roster's: names it has replace, phones and e-mails it has are added. */
    MemberDraft apply(MemberDraft d, ContactRecord r) {
        List<Phone> phoneList = new ArrayList<>(d.phones());
        for (String p : r.phones() == null ? List.<String>of() : r.phones()) {
            String e164 = phones.numbers().toE164(p).orElse(p);
            if (phoneList.stream().noneMatch(x -> Objects.equals(x.number(), e164))) {
                phoneList.add(new Phone(p, null, false, null));
            }
        }
        List<Email> emailList = new ArrayList<>(d.emails());
        for (String e : r.emails() == null ? List.<String>of() : r.emails()) {
            if (emailList.stream().noneMatch(x -> x.address().equalsIgnoreCase(e.strip()))) {
                emailList.add(new Email(e.strip().toLowerCase(Locale.ROOT), null, false, null));
            }
        }
        return new MemberDraft(
                d.orgUnitId(),
                r.givenName() != null ? r.givenName() : d.givenName(),
                r.patronymic() != null ? r.patronymic() : d.patronymic(),
                r.familyName() != null ? r.familyName() : d.familyName(),
                d.birthDate(),
                d.gender(),
                d.preferredLanguage(),
                d.status(),
                d.membershipNumber(),
                d.joinedOn(),
                d.leftOn(),
                d.supportLevel(),
                d.positions(),
                d.tags(),
                d.skills(),
                phoneList,
                emailList,
                r.telegramUsername() != null ? r.telegramUsername() : d.telegramUsername(),
                d.addresses(),
                d.consents(),
                d.doNotContact(),
                d.customAttributes());
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> sql(String query, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<T> out = new ArrayList<>();
            try (var ps = c.prepareStatement(query)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add((T) rs.getObject(1));
                    }
                }
            }
            return out;
        });
    }

    private int update(String query, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement(query)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
