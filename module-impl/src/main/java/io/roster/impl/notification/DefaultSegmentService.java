package io.roster.impl.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberSummary;
import io.roster.api.notification.Segment;
import io.roster.api.notification.SegmentDraft;
import io.roster.api.notification.SegmentFilter;
import io.roster.api.notification.SegmentService;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Ids;
import io.roster.impl.common.JsonText;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.member.MemberSearch;
import io.roster.impl.member.PhoneNumberSettings;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultSegmentService implements SegmentService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    AuditLog audit;

    @Inject
    MemberService members;

    @Inject
    PhoneNumberSettings phoneSettings;

    @ConfigProperty(name = "roster.search.name-threshold", defaultValue = "0.5")
    double nameThreshold;

    /** A stored segment with its unit's path. */
    record Loaded(Segment segment, String unitPath) {}

    @Override
    @Transactional
    public Segment create(SegmentDraft draft) {
        Caller caller = access.require(Permission.SEGMENT_WRITE);
        access.require(Permission.MEMBER_READ);
        OrgUnitEntity unit = validate(draft);
        UUID id = Ids.newUuid();
        Instant now = clock.now();
        SegmentFilter filter = draft.filter() == null ? SegmentFilter.none() : draft.filter();
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into segment (id, org_unit_id, name, filter,"
                    + " created_at, created_by, updated_at, version) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, 0)")) {
                ps.setObject(1, id);
                ps.setObject(2, unit.id);
                ps.setString(3, draft.name().strip());
                ps.setString(4, writeFilter(filter));
                ps.setObject(5, Sql.utc(now));
                ps.setString(6, caller.id());
                ps.setObject(7, Sql.utc(now));
                return ps.executeUpdate();
            }
        });
        Segment s = load(id).segment();
        audit.record("segment.created", "segment", id, null, Map.of("name", s.name(), "orgUnitId", s.orgUnitId()));
        return s;
    }

    @Override
    @Transactional
    public Segment get(String id) {
        access.require(Permission.NOTIFICATION_READ);
        return visible(id).segment();
    }

    @Override
    @Transactional
    public Page<Segment> list(PageRequest page) {
        access.require(Permission.NOTIFICATION_READ);
        return Sql.newestFirst(
                em,
                "segment s where s.deleted_at is null",
                "s",
                "segments",
                access.scope(),
                page,
                DefaultSegmentService::map,
                x -> new Object[] {x.createdAt(), x.id()});
    }

    @Override
    @Transactional
    public Segment update(String id, Long expectedVersion, UnaryOperator<SegmentDraft> changes) {
        access.require(Permission.SEGMENT_WRITE);
        access.require(Permission.MEMBER_READ);
        Segment current = visible(id).segment();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("segment", current.version());
        }
        SegmentDraft after = changes.apply(current.toDraft());
        OrgUnitEntity unit = validate(after);
        SegmentFilter filter = after.filter() == null ? SegmentFilter.none() : after.filter();
        UUID sid = UUID.fromString(current.id());
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update segment set org_unit_id = ?, name = ?,"
                    + " filter = cast(? as jsonb), updated_at = ?, version = version + 1 where id = ?")) {
                ps.setObject(1, unit.id);
                ps.setString(2, after.name().strip());
                ps.setString(3, writeFilter(filter));
                ps.setObject(4, Sql.utc(clock.now()));
                ps.setObject(5, sid);
                return ps.executeUpdate();
            }
        });
        Segment changed = load(sid).segment();
        audit.record(
                "segment.updated",
                "segment",
                sid,
                null,
                Map.of("version", Map.of("from", current.version(), "to", changed.version())));
        return changed;
    }

    @Override
    @Transactional
    public void delete(String id) {
        access.require(Permission.SEGMENT_WRITE);
        UUID sid = UUID.fromString(visible(id).segment().id());
        Sql.softDelete(em, "segment", sid, clock.now());
        audit.record("segment.deleted", "segment", sid, null, Map.of());
    }

    @Override
    @Transactional
    public long count(String id) {
        access.require(Permission.NOTIFICATION_READ);
        access.require(Permission.MEMBER_READ);
        Loaded l = visible(id);
        Access.Scope scope = access.scope();
        return Sql.jdbc(em, c -> {
            SqlQuery ids = memberIds(c, l, scope);
            try (PreparedStatement ps = ids.prepare(c, "select count(*) from (" + ids.sql() + ") x");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    @Transactional
    public Page<MemberSummary> members(String id, PageRequest page) {
        access.require(Permission.NOTIFICATION_READ);
        Loaded l = visible(id);
        return members.search(query(l, page));
    }

    /**
     * The ids of a segment's members within {@code scope}: {@code select m.id from member m where …}. Sets the name
     * similarity threshold of the transaction when the filter has a name.
     */
    SqlQuery memberIds(Connection c, Loaded l, Access.Scope scope) throws SQLException {
        MemberQuery q = query(l, PageRequest.first());
        if (MemberSearch.textKind(q.q()) == MemberSearch.TextKind.NAME) {
            try (PreparedStatement set =
                    c.prepareStatement("select set_config('pg_trgm.word_similarity_threshold', ?, true)")) {
                set.setString(1, Double.toString(nameThreshold));
                set.execute();
            }
        }
        String subtree = l.unitPath();
        if (q.orgUnitId() != null) {
            try (PreparedStatement ps = c.prepareStatement("select path::text from org_unit where id = ?")) {
                ps.setObject(1, UUID.fromString(q.orgUnitId()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        subtree = rs.getString(1);
                    }
                }
            }
        }
        return MemberSearch.ids(q, scope, subtree, phoneSettings.numbers(), clock.now());
    }

    /** The member query of a segment: its filter, limited to its unit's subtree. */
    static MemberQuery query(Loaded l, PageRequest page) {
        SegmentFilter f = l.segment().filter();
        return new MemberQuery(
                f.q(),
                f.orgUnitId() == null ? l.segment().orgUnitId() : f.orgUnitId(),
                f.statuses(),
                f.tags(),
                f.supportLevelMin(),
                f.supportLevelMax(),
                f.consentChannel(),
                null,
                f.notContactedForDays(),
                f.lastOutcome(),
                f.attendedEventId(),
                false,
                MemberSort.NAME,
                page);
    }

    /** Validates a draft with the member search's own rules (field paths under {@code filter.}). */
    private OrgUnitEntity validate(SegmentDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (d.name().strip().length() > 200 || Texts.hasControl(d.name())) {
            errors.add(new FieldError("name", "invalid", "name is 1–200 characters without control characters"));
        }
        OrgUnitEntity unit = null;
        if (d.orgUnitId() == null || d.orgUnitId().isBlank()) {
            errors.add(new FieldError("orgUnitId", "required", "orgUnitId is required"));
        } else {
            try {
                unit = access.visibleUnit(d.orgUnitId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
            }
        }
        SegmentFilter f = d.filter() == null ? SegmentFilter.none() : d.filter();
        if (unit != null && f.orgUnitId() != null) {
            try {
                OrgUnitEntity inner = access.visibleUnit(f.orgUnitId());
                if (!(inner.path.equals(unit.path) || inner.path.startsWith(unit.path + "."))) {
                    errors.add(new FieldError(
                            "filter.orgUnitId", "outside-segment-unit", "the filter's unit must lie within orgUnitId"));
                }
            } catch (NotFoundException e) {
                errors.add(new FieldError("filter.orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
            }
        }
        if (unit != null && errors.isEmpty()) {
            Loaded probe = new Loaded(new Segment(null, unit.id.toString(), d.name(), f, null, null, 0), unit.path);
            try {
                members.search(query(probe, new PageRequest(1, null)));
            } catch (ValidationException e) {
                for (FieldError fe : e.errors()) {
                    errors.add(new FieldError("filter." + fe.path(), fe.code(), fe.message()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return unit;
    }

    /** A segment the caller may see. */
    Loaded visible(String id) {
        UUID sid = Ids.parse(id).orElseThrow(() -> new NotFoundException("segment", id));
        Loaded l = load(sid);
        if (l == null || !access.scope().contains(l.unitPath())) {
            throw new NotFoundException("segment", id);
        }
        return l;
    }

    Loaded load(UUID id) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select s.*, u.path::text as unit_path from segment s"
                    + " join org_unit u on u.id = s.org_unit_id where s.id = ? and s.deleted_at is null")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Loaded(map(rs), rs.getString("unit_path")) : null;
                }
            }
        });
    }

    private static Segment map(ResultSet rs) throws SQLException {
        SegmentFilter filter;
        try {
            filter = JsonText.MAPPER.readValue(rs.getString("filter"), SegmentFilter.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable segment filter", e);
        }
        return new Segment(
                rs.getObject("id", UUID.class).toString(),
                rs.getObject("org_unit_id", UUID.class).toString(),
                rs.getString("name"),
                filter,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static String writeFilter(SegmentFilter f) {
        try {
            return JsonText.MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
