package io.roster.impl.event;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.event.Attendance;
import io.roster.api.event.AttendanceMark;
import io.roster.api.event.AttendanceStatus;
import io.roster.api.event.Event;
import io.roster.api.event.EventDraft;
import io.roster.api.event.EventKind;
import io.roster.api.event.EventQuery;
import io.roster.api.event.EventService;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.interaction.ContactFactsStore;
import io.roster.impl.persistence.EventEntity;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultEventService implements EventService {
    private static final String LIST_TAG = "events";
    private static final String ATTENDANCE_TAG = "event-attendance";

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    ContactFactsStore facts;

    @Inject
    AuditLog audit;

    @Override
    @Transactional
    public Event create(EventDraft draft) {
        access.require(Permission.EVENT_WRITE);
        OrgUnitEntity unit = validate(draft, null);
        EventDraft d = EventRules.normalize(draft);
        EventEntity e = new EventEntity();
        e.id = Ids.newUuid();
        apply(e, unit, d);
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        em.persist(e);
        Flush.now(em);
        audit.record("event.created", "event", e.id, null, Snapshots.of(d));
        return map(e);
    }

    @Override
    @Transactional
    public Event get(String id) {
        access.require(Permission.MEMBER_READ);
        return map(visible(id, false));
    }

    @Override
    @Transactional
    public Event update(String id, Long expectedVersion, UnaryOperator<EventDraft> changes) {
        access.require(Permission.EVENT_WRITE);
        // Locked like a marking, so that a new capacity is checked against registrations no marking is changing.
        EventEntity e = visible(id, true);
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("event", e.version);
        }
        EventDraft current = draft(e);
        EventDraft wanted = changes.apply(current);
        OrgUnitEntity unit = validate(wanted, e);
        EventDraft d = EventRules.normalize(wanted);
        if (d.equals(current)) {
            return map(e);
        }
        FieldError capacity = EventRules.checkCapacity(d.capacity(), e.registered);
        if (capacity != null) {
            throw new ValidationException(List.of(capacity));
        }
        Instant oldStart = e.startsAt;
        apply(e, unit, d);
        e.updatedAt = clock.now();
        try {
            Flush.now(em);
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException("event", e.version);
        }
        if (!Objects.equals(current.title(), d.title()) || !oldStart.equals(d.startsAt())) {
            followEventChange(e, oldStart);
        }
        audit.record("event.updated", "event", e.id, null, Snapshots.diff(Snapshots.of(current), Snapshots.of(d)));
        return map(e);
    }

    @Override
    @Transactional
    public Page<Event> list(EventQuery query) {
        access.require(Permission.MEMBER_READ);
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw ValidationException.of("to", "before-from", "to cannot be before from");
        }
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Page.empty();
        }
        String subtree = query.orgUnitId() == null ? null : access.visibleUnit(query.orgUnitId()).path;
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        String tag = LIST_TAG
                + Integer.toHexString(Objects.hash(
                        String.valueOf(query.orgUnitId()), String.valueOf(query.from()), String.valueOf(query.to())));
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select e.* from event e where true");
        if (!scope.unrestricted()) {
            params.add(scope.pathsLiteral());
            sql.append(" and e.org_unit_id in (select u.id from org_unit u where u.path <@ cast(?")
                    .append(params.size())
                    .append(" as ltree[]))");
        }
        if (subtree != null) {
            params.add(subtree);
            sql.append(" and e.org_unit_id in (select u.id from org_unit u where u.path <@ cast(?")
                    .append(params.size())
                    .append(" as ltree))");
        }
        if (query.from() != null) {
            params.add(query.from());
            sql.append(" and e.starts_at >= ?").append(params.size());
        }
        if (query.to() != null) {
            params.add(query.to());
            sql.append(" and e.starts_at < ?").append(params.size());
        }
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), tag, 2);
            Instant afterAt = parseInstant(v.get(0));
            UUID afterId = Ids.parse(v.get(1)).orElseThrow(DefaultEventService::invalidCursor);
            params.add(afterAt);
            sql.append(" and (e.starts_at, e.id) > (?").append(params.size());
            params.add(afterId);
            sql.append(", ?").append(params.size()).append(")");
        }
        sql.append(" order by e.starts_at, e.id limit ").append(page.limit() + 1);
        Query q = em.createNativeQuery(sql.toString(), EventEntity.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<EventEntity> rows = q.getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            EventEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode(tag, last.startsAt, last.id);
        }
        return new Page<>(rows.stream().map(DefaultEventService::map).toList(), next);
    }

    @Override
    @Transactional
    public List<Attendance> mark(String eventId, List<AttendanceMark> marks) {
        Caller caller = access.require(Permission.EVENT_WRITE);
        // The row lock serialises markings of one event: each sees the counters the previous one left, so two
        // concurrent sheets cannot both take the last places.
        EventEntity event = visible(eventId, true);
        FieldError sheet = EventRules.checkSheet(marks);
        if (sheet != null) {
            throw new ValidationException(List.of(sheet));
        }
        Set<UUID> visibleMembers = visibleMembers(EventRules.memberIds(marks));
        List<FieldError> errors = EventRules.checkMarks(marks, visibleMembers::contains);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<UUID> memberIds = new ArrayList<>(marks.size());
        for (AttendanceMark m : marks) {
            memberIds.add(UUID.fromString(m.memberId().strip()));
        }
        Map<UUID, Attendance> before = currentAttendance(event.id, memberIds);

        Instant now = clock.now();
        List<UUID> changedIds = new ArrayList<>();
        List<String> changedStatuses = new ArrayList<>();
        List<String> previousStatuses = new ArrayList<>();
        List<UUID> nowAttended = new ArrayList<>();
        List<UUID> noLongerAttended = new ArrayList<>();
        List<Map<String, Object>> auditLines = new ArrayList<>();
        EventRules.Counts change = EventRules.Counts.ZERO;
        List<Attendance> result = new ArrayList<>(marks.size());
        for (int i = 0; i < marks.size(); i++) {
            UUID memberId = memberIds.get(i);
            AttendanceStatus to = marks.get(i).status();
            Attendance old = before.get(memberId);
            AttendanceStatus from = old == null ? null : old.status();
            if (from == to) {
                result.add(old);
                continue;
            }
            change = change.plus(EventRules.change(from, to));
            changedIds.add(memberId);
            changedStatuses.add(to.name());
            previousStatuses.add(from == null ? null : from.name());
            if (to == AttendanceStatus.ATTENDED) {
                nowAttended.add(memberId);
            } else if (from == AttendanceStatus.ATTENDED) {
                noLongerAttended.add(memberId);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("memberId", memberId.toString());
            line.put("from", from == null ? null : from.name());
            line.put("to", to.name());
            auditLines.add(line);
            result.add(new Attendance(event.id.toString(), memberId.toString(), to, now, caller.id()));
        }
        if (changedIds.isEmpty()) {
            return result;
        }
        if (EventRules.exceedsCapacity(event.capacity, event.registered, change.registered())) {
            throw new ConflictException(
                    "event-capacity-reached",
                    "the event has " + event.registered + " of " + event.capacity + " places taken; "
                            + change.registered() + " more registrations do not fit");
        }
        Flush.now(em);
        EventRules.Counts counted = change;
        em.unwrap(Session.class).doWork(c -> {
            writeAttendance(c, event, changedIds, changedStatuses, now, caller);
            writeTimeline(c, event, changedIds, changedStatuses, previousStatuses, caller);
            try (PreparedStatement ps = c.prepareStatement(
                    "update event set registered = registered + ?, attended = attended + ? where id = ?")) {
                ps.setInt(1, counted.registered());
                ps.setInt(2, counted.attended());
                ps.setObject(3, event.id);
                ps.executeUpdate();
            }
        });
        if (!nowAttended.isEmpty()) {
            facts.recordContacts(nowAttended, event.startsAt, InteractionChannel.IN_PERSON, null);
        }
        facts.recompute(lastContactAt(noLongerAttended, event.startsAt));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("registered", Map.of("from", event.registered, "to", event.registered + change.registered()));
        changes.put("attended", Map.of("from", event.attended, "to", event.attended + change.attended()));
        changes.put("marks", auditLines);
        audit.record("attendance.marked", "event", event.id, null, changes);
        return result;
    }

    @Override
    @Transactional
    public Page<Attendance> attendance(String eventId, PageRequest page) {
        access.require(Permission.MEMBER_READ);
        EventEntity event = visible(eventId, false);
        UUID after = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), ATTENDANCE_TAG, 2);
            if (!event.id.toString().equals(v.get(0))) {
                throw invalidCursor();
            }
            after = Ids.parse(v.get(1)).orElseThrow(DefaultEventService::invalidCursor);
        }
        Access.Scope scope = access.scope();
        StringBuilder sql = new StringBuilder(
                "select a.member_id, a.status, a.updated_at, a.updated_by" + " from event_attendance a");
        if (!scope.unrestricted()) {
            // Attendees from outside the caller's scope are left out, like everywhere else.
            sql.append(" join member m on m.id = a.member_id join org_unit u on u.id = m.org_unit_id"
                    + " and u.path <@ cast(? as ltree[])");
        }
        sql.append(" where a.event_id = ?");
        if (after != null) {
            sql.append(" and a.member_id > ?");
        }
        sql.append(" order by a.member_id limit ").append(page.limit() + 1);
        UUID afterId = after;
        List<Attendance> rows = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (!scope.unrestricted()) {
                    ps.setString(i++, scope.pathsLiteral());
                }
                ps.setObject(i++, event.id);
                if (afterId != null) {
                    ps.setObject(i, afterId);
                }
                List<Attendance> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(attendance(event.id, rs));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.encode(
                    ATTENDANCE_TAG, event.id, rows.get(rows.size() - 1).memberId());
        }
        return new Page<>(rows, next);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The event if the caller may see it; locked for update when asked. */
    private EventEntity visible(String id, boolean lock) {
        UUID uuid = Ids.parse(id).orElseThrow(() -> new NotFoundException("event", id));
        EventEntity e = lock
                ? em.find(EventEntity.class, uuid, LockModeType.PESSIMISTIC_WRITE)
                : em.find(EventEntity.class, uuid);
        if (e == null || !access.scope().contains(em.find(OrgUnitEntity.class, e.orgUnitId).path)) {
            throw new NotFoundException("event", id);
        }
        return e;
    }

    /**
     * Checks a draft with every error at once, the organising unit's scope included.
     *
     * @return the organising unit
     */
    private OrgUnitEntity validate(EventDraft d, EventEntity existing) {
        List<FieldError> errors = new ArrayList<>(EventRules.validate(d));
        OrgUnitEntity unit = null;
        if (d != null && d.orgUnitId() != null && !d.orgUnitId().isBlank()) {
            String wanted = d.orgUnitId().strip();
            if (existing != null && wanted.equals(existing.orgUnitId.toString())) {
                unit = em.find(OrgUnitEntity.class, existing.orgUnitId);
            } else {
                try {
                    unit = access.visibleUnit(wanted);
                } catch (NotFoundException ex) {
                    errors.add(new FieldError("orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return unit;
    }

    private static void apply(EventEntity e, OrgUnitEntity unit, EventDraft d) {
        e.orgUnitId = unit.id;
        e.kind = d.kind().name();
        e.title = d.title();
        e.description = d.description();
        e.place = d.place();
        e.startsAt = d.startsAt();
        e.endsAt = d.endsAt();
        e.capacity = d.capacity();
    }

    /**
     * A new title or start time reaches the attendees' timeline entries, and a new start time their last contact: it
     * moves forward by itself, and members whose last contact was this event at its old time are recomputed.
     */
    private void followEventChange(EventEntity e, Instant oldStart) {
        em.createNativeQuery("update timeline_entry t set occurred_at = ?1, title = ?2 from event_attendance a"
                        + " where a.event_id = ?3 and t.member_id = a.member_id and t.kind = 'ATTENDANCE'"
                        + " and t.ref_id = a.event_id")
                .setParameter(1, e.startsAt)
                .setParameter(2, e.title)
                .setParameter(3, e.id)
                .executeUpdate();
        if (oldStart.equals(e.startsAt)) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> stale = em.createNativeQuery(
                        "select m.id from event_attendance a join member m on m.id = a.member_id"
                                + " where a.event_id = ?1 and a.status = 'ATTENDED' and m.last_contact_at = ?2",
                        UUID.class)
                .setParameter(1, e.id)
                .setParameter(2, oldStart)
                .getResultList();
        facts.recompute(stale);
        @SuppressWarnings("unchecked")
        List<UUID> attendees = em.createNativeQuery(
                        "select member_id from event_attendance where event_id = ?1 and status = 'ATTENDED'",
                        UUID.class)
                .setParameter(1, e.id)
                .getResultList();
        if (!attendees.isEmpty()) {
            facts.recordContacts(attendees, e.startsAt, InteractionChannel.IN_PERSON, null);
        }
    }

    /** Of the ids, those of members (not merged away) in the caller's scope. */
    private Set<UUID> visibleMembers(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Set.of();
        }
        String sql = "select m.id from member m"
                + (scope.unrestricted()
                        ? ""
                        : " join org_unit u on u.id = m.org_unit_id and u.path <@ cast(? as ltree[])")
                + " where m.id = any(?) and m.merged_into_id is null";
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (!scope.unrestricted()) {
                    ps.setString(i++, scope.pathsLiteral());
                }
                ps.setArray(i, c.createArrayOf("uuid", ids.toArray()));
                Set<UUID> found = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    private Map<UUID, Attendance> currentAttendance(UUID eventId, List<UUID> memberIds) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id, status, updated_at, updated_by"
                    + " from event_attendance where event_id = ? and member_id = any(?)")) {
                ps.setObject(1, eventId);
                ps.setArray(2, c.createArrayOf("uuid", memberIds.toArray()));
                Map<UUID, Attendance> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), attendance(eventId, rs));
                    }
                }
                return out;
            }
        });
    }

    /** Of the members, those whose last contact is at the given time (and so may have been this event). */
    private List<UUID> lastContactAt(List<UUID> memberIds, Instant at) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from member where id = any(?) and last_contact_at = ?")) {
                ps.setArray(1, c.createArrayOf("uuid", memberIds.toArray()));
                ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                List<UUID> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }

    /** All changed lines in one statement. */
    private static void writeAttendance(
            Connection c, EventEntity event, List<UUID> memberIds, List<String> statuses, Instant now, Caller caller)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("insert into event_attendance (event_id, member_id, status, updated_at, updated_by)"
                        + " select ?, t.member_id, t.status, ?, ? from unnest(?, ?) as t(member_id, status)"
                        + " on conflict (event_id, member_id) do update set status = excluded.status,"
                        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            ps.setObject(1, event.id);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(3, caller.id());
            ps.setArray(4, c.createArrayOf("uuid", memberIds.toArray()));
            ps.setArray(5, c.createArrayOf("text", statuses.toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * The timeline entry of each changed member, in one statement: one entry per member and event, dated at the
     * event's start and replaced in place, as {@code TimelineWriter.put} does it for one member.
     */
    private static void writeTimeline(
            Connection c,
            EventEntity event,
            List<UUID> memberIds,
            List<String> statuses,
            List<String> previous,
            Caller caller)
            throws SQLException {
        UUID[] entryIds = new UUID[memberIds.size()];
        for (int i = 0; i < entryIds.length; i++) {
            entryIds[i] = Ids.newUuid();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                        + " select t.id, t.member_id, 'ATTENDANCE', ?, t.status,"
                        + " case when t.status = 'ATTENDED' then 'IN_PERSON' end, ?, ?,"
                        + " jsonb_strip_nulls(jsonb_build_object('from', t.previous, 'to', t.status,"
                        + " 'eventKind', cast(? as text), 'by', cast(? as text)))"
                        + " from unnest(?, ?, ?, ?) as t(id, member_id, status, previous)"
                        + " on conflict (member_id, kind, ref_id) where kind in ('INTERACTION', 'ATTENDANCE')"
                        + " do update set occurred_at = excluded.occurred_at, type = excluded.type,"
                        + " channel = excluded.channel, title = excluded.title, data = excluded.data")) {
            ps.setObject(1, OffsetDateTime.ofInstant(event.startsAt, ZoneOffset.UTC));
            ps.setObject(2, event.id);
            ps.setString(3, event.title);
            ps.setString(4, event.kind);
            ps.setString(5, caller.id());
            ps.setArray(6, c.createArrayOf("uuid", entryIds));
            ps.setArray(7, c.createArrayOf("uuid", memberIds.toArray()));
            ps.setArray(8, c.createArrayOf("text", statuses.toArray()));
            ps.setArray(9, c.createArrayOf("text", previous.toArray()));
            ps.executeUpdate();
        }
    }

    private static Attendance attendance(UUID eventId, ResultSet rs) throws SQLException {
        return new Attendance(
                eventId.toString(),
                rs.getObject(1, UUID.class).toString(),
                AttendanceStatus.valueOf(rs.getString(2)),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4));
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static ValidationException invalidCursor() {
        return ValidationException.of("cursor", "invalid-cursor", "the cursor is not one of this list; start again");
    }

    private static EventDraft draft(EventEntity e) {
        return new EventDraft(
                e.orgUnitId.toString(),
                EventKind.valueOf(e.kind),
                e.title,
                e.description,
                e.place,
                e.startsAt,
                e.endsAt,
                e.capacity);
    }

    static Event map(EventEntity e) {
        return new Event(
                e.id.toString(),
                e.orgUnitId.toString(),
                EventKind.valueOf(e.kind),
                e.title,
                e.description,
                e.place,
                e.startsAt,
                e.endsAt,
                e.capacity,
                e.registered,
                e.attended,
                e.createdAt,
                e.updatedAt,
                e.version);
    }
}
