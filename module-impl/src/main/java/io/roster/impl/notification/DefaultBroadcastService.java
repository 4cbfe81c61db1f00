package io.roster.impl.notification;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.ContactChannel;
import io.roster.api.notification.Broadcast;
import io.roster.api.notification.BroadcastDelivery;
import io.roster.api.notification.BroadcastService;
import io.roster.api.notification.BroadcastStatistics;
import io.roster.api.notification.BroadcastStatus;
import io.roster.api.notification.DeliveryStatus;
import io.roster.api.notification.NewBroadcast;
import io.roster.api.notification.OrgUnitTimeZone;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.org.UnitTimeZones;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultBroadcastService implements BroadcastService {
    /** The contact channels a broadcast can go out on. */
    static final Set<ContactChannel> SENDABLE =
            EnumSet.of(ContactChannel.TELEGRAM, ContactChannel.EMAIL, ContactChannel.SMS);

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    AuditLog audit;

    @Inject
    DefaultTemplateService templates;

    @Inject
    DefaultSegmentService segments;

    @Inject
    MessageChannels channels;

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "roster.notifications.max-attempts", defaultValue = "8")
    int defaultMaxAttempts;

    private volatile String uuidFunction;

    @Override
    @Transactional
    public Broadcast create(NewBroadcast in) {
        Caller caller = access.require(Permission.NOTIFICATION_SEND);
        List<FieldError> errors = new ArrayList<>();
        OrgUnitEntity unit = null;
        if (in.orgUnitId() == null || in.orgUnitId().isBlank()) {
            errors.add(new FieldError("orgUnitId", "required", "orgUnitId is required"));
        } else {
            try {
                unit = access.visibleUnit(in.orgUnitId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
            }
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (in.name().strip().length() > 200 || Texts.hasControl(in.name())) {
            errors.add(new FieldError("name", "invalid", "name is 1–200 characters without control characters"));
        }
        UUID templateId = null;
        if (in.templateId() == null) {
            errors.add(new FieldError("templateId", "required", "templateId is required"));
        } else {
            try {
                templateId = UUID.fromString(
                        templates.visible(in.templateId()).template().id());
            } catch (NotFoundException e) {
                errors.add(new FieldError("templateId", "unknown-template", "no such template in your scope"));
            }
        }
        boolean hasSegment = in.segmentId() != null;
        boolean hasList = in.memberIds() != null;
        UUID segmentId = null;
        List<UUID> memberIds = null;
        if (hasSegment == hasList) {
            errors.add(new FieldError(
                    hasSegment ? "memberIds" : "segmentId",
                    hasSegment ? "audience-ambiguous" : "audience-required",
                    "give the audience as exactly one of segmentId and memberIds"));
        } else if (hasSegment) {
            try {
                DefaultSegmentService.Loaded s = segments.visible(in.segmentId());
                segmentId = UUID.fromString(s.segment().id());
                if (unit != null && !within(s.unitPath(), unit.path)) {
                    errors.add(new FieldError(
                            "segmentId", "outside-broadcast-unit", "the segment's unit must lie within orgUnitId"));
                }
            } catch (NotFoundException e) {
                errors.add(new FieldError("segmentId", "unknown-segment", "no such segment in your scope"));
            }
        } else {
            memberIds = checkMembers(in.memberIds(), unit, errors);
        }
        List<ContactChannel> chosen = new ArrayList<>();
        if (in.channels() == null || in.channels().isEmpty()) {
            errors.add(new FieldError("channels", "required", "at least one channel (TELEGRAM, EMAIL, SMS)"));
        } else {
            for (int i = 0; i < in.channels().size(); i++) {
                ContactChannel c = in.channels().get(i);
                String path = "channels[" + i + "]";
                if (c == null || !SENDABLE.contains(c)) {
                    errors.add(new FieldError(path, "not-a-message-channel", "channels are TELEGRAM, EMAIL and SMS"));
                } else if (chosen.contains(c)) {
                    errors.add(new FieldError(path, "duplicate", "each channel once"));
                } else if (!channels.available(c)) {
                    errors.add(new FieldError(path, "channel-not-configured", c + " has no configured transport"));
                } else {
                    chosen.add(c);
                }
            }
        }
        Instant now = clock.now();
        if (in.startAt() != null && in.startAt().isBefore(now)) {
            errors.add(new FieldError("startAt", "in-the-past", "startAt must not be in the past"));
        }
        double rate = in.ratePerSecond() == null ? 0 : in.ratePerSecond();
        if (rate < 0 || rate > 10_000 || Double.isNaN(rate)) {
            errors.add(new FieldError("ratePerSecond", "range", "ratePerSecond is 0 (no own limit) to 10000"));
        }
        if ((in.quietStart() == null) != (in.quietEnd() == null)) {
            errors.add(new FieldError(
                    in.quietStart() == null ? "quietStart" : "quietEnd",
                    "required",
                    "give both quietStart and quietEnd"));
        }
        int maxAttempts = in.maxAttempts() == null ? defaultMaxAttempts : in.maxAttempts();
        if (maxAttempts < 1 || maxAttempts > 20) {
            errors.add(new FieldError("maxAttempts", "range", "maxAttempts is 1–20"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UUID id = Ids.newUuid();
        UUID unitId = unit.id;
        UUID tid = templateId;
        UUID sid = segmentId;
        List<UUID> mids = memberIds;
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into broadcast (id, org_unit_id, name, template_id,"
                    + " segment_id, member_ids, channels, start_at, rate_per_second, quiet_start, quiet_end,"
                    + " max_attempts, status, created_at, created_by, updated_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, 0)")) {
                ps.setObject(1, id);
                ps.setObject(2, unitId);
                ps.setString(3, in.name().strip());
                ps.setObject(4, tid);
                ps.setObject(5, sid);
                ps.setArray(6, mids == null ? null : c.createArrayOf("uuid", mids.toArray()));
                ps.setArray(
                        7,
                        c.createArrayOf("text", chosen.stream().map(Enum::name).toArray()));
                ps.setObject(8, Sql.utc(in.startAt()));
                ps.setDouble(9, rate);
                ps.setObject(10, in.quietStart());
                ps.setObject(11, in.quietEnd());
                ps.setInt(12, maxAttempts);
                ps.setObject(13, Sql.utc(now));
                ps.setString(14, caller.id());
                ps.setObject(15, Sql.utc(now));
                return ps.executeUpdate();
            }
        });
        Broadcast b = load(id).broadcast();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", b.name());
        snapshot.put("orgUnitId", b.orgUnitId());
        snapshot.put("templateId", b.templateId());
        snapshot.put("segmentId", b.segmentId());
        snapshot.put("memberCount", b.memberIds() == null ? null : b.memberIds().size());
        snapshot.put("channels", b.channels());
        snapshot.put("startAt", b.startAt());
        audit.record("broadcast.created", "broadcast", id, null, snapshot);
        return b;
    }

    private List<UUID> checkMembers(List<String> ids, OrgUnitEntity unit, List<FieldError> errors) {
        if (ids.isEmpty()) {
            errors.add(new FieldError("memberIds", "empty-audience", "memberIds is empty"));
            return null;
        }
        if (ids.size() > MAX_EXPLICIT_MEMBERS) {
            errors.add(new FieldError(
                    "memberIds", "too-many", "at most " + MAX_EXPLICIT_MEMBERS + " members; use a segment for more"));
            return null;
        }
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            var u = Ids.parse(ids.get(i));
            if (u.isEmpty()) {
                errors.add(new FieldError("memberIds[" + i + "]", "unknown-member", "no such member in your scope"));
            } else if (parsed.contains(u.get())) {
                errors.add(new FieldError("memberIds[" + i + "]", "duplicate", "each member once"));
            } else {
                parsed.add(u.get());
            }
        }
        if (unit == null || !errors.isEmpty()) {
            return parsed;
        }
        Access.Scope scope = access.scope();
        Set<UUID> found = Sql.jdbc(em, c -> {
            Set<UUID> out = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select m.id from member m join org_unit u"
                    + " on u.id = m.org_unit_id where m.id = any(?) and m.merged_into_id is null"
                    + " and u.path <@ cast(? as ltree)"
                    + (scope.unrestricted() ? "" : " and u.path <@ cast(? as ltree[])"))) {
                ps.setArray(1, c.createArrayOf("uuid", parsed.toArray()));
                ps.setString(2, unit.path);
                if (!scope.unrestricted()) {
                    ps.setString(3, scope.pathsLiteral());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return out;
        });
        for (int i = 0; i < ids.size(); i++) {
            var u = Ids.parse(ids.get(i));
            if (u.isPresent() && !found.contains(u.get())) {
                errors.add(new FieldError(
                        "memberIds[" + i + "]", "unknown-member", "no such member in the broadcast's unit"));
            }
        }
        return parsed;
    }

    private static boolean within(String path, String root) {
        return path.equals(root) || path.startsWith(root + ".");
    }

    @Override
    @Transactional
    public Broadcast get(String id) {
        access.require(Permission.NOTIFICATION_READ);
        return visible(id, false).broadcast();
    }

    @Override
    @Transactional
    public Page<Broadcast> list(PageRequest page) {
        access.require(Permission.NOTIFICATION_READ);
        return Sql.newestFirst(
                em,
                "broadcast b where true",
                "b",
                "broadcasts",
                access.scope(),
                page,
                DefaultBroadcastService::map,
                x -> new Object[] {x.createdAt(), x.id()});
    }

    @Override
    @Transactional
    public Broadcast start(String id) {
        access.require(Permission.NOTIFICATION_SEND);
        Loaded l = visible(id, true);
        Broadcast b = l.broadcast();
        if (b.status() != BroadcastStatus.DRAFT) {
            throw new InvalidStateException("broadcast-not-draft", "only a draft broadcast can be started");
        }
        Instant now = clock.now();
        if (b.startAt() != null && b.startAt().isBefore(now)) {
            throw ValidationException.of("startAt", "in-the-past", "the start time has passed; create it again");
        }
        Instant startAt = b.startAt() == null ? now : b.startAt();
        Access.Scope scope = access.scope();
        UUID bid = UUID.fromString(b.id());
        int recipients = Sql.jdbc(em, c -> enqueue(c, l, scope, startAt));
        if (recipients == 0) {
            throw ValidationException.of(
                    b.segmentId() != null ? "segmentId" : "memberIds",
                    "empty-audience",
                    "the audience has no members in your scope");
        }
        String status = startAt.isAfter(now) ? "SCHEDULED" : "RUNNING";
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast set status = ?, start_at = ?,"
                    + " recipients = ?, started_at = ?, updated_at = ?, version = version + 1 where id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, Sql.utc(startAt));
                ps.setInt(3, recipients);
                ps.setObject(4, Sql.utc(now));
                ps.setObject(5, Sql.utc(now));
                ps.setObject(6, bid);
                return ps.executeUpdate();
            }
        });
        audit.record("broadcast.started", "broadcast", bid, null, Map.of("recipients", recipients, "startAt", startAt));
        return load(bid).broadcast();
    }

    /**
     * One delivery per audience member, in one {@code INSERT … SELECT}: from the segment's query (the member search's
     * SQL) or the explicit list, within the caller's scope and the broadcast's unit. The unique key (broadcast,
     * member) keeps it one per member.
     */
    private int enqueue(Connection c, Loaded l, Access.Scope scope, Instant startAt) throws SQLException {
        Broadcast b = l.broadcast();
        SqlQuery source;
        if (b.segmentId() != null) {
            DefaultSegmentService.Loaded s = segments.load(UUID.fromString(b.segmentId()));
            if (s == null) {
                throw ValidationException.of("segmentId", "unknown-segment", "the segment was deleted");
            }
            source = segments.memberIds(c, s, scope);
        } else {
            List<Object> params = new ArrayList<>();
            params.add(new SqlQuery.UuidArray(
                    b.memberIds().stream().map(UUID::fromString).toArray(UUID[]::new)));
            params.add(l.unitPath());
            String sql = "select m.id from member m join org_unit u on u.id = m.org_unit_id where m.id = any(?)"
                    + " and m.merged_into_id is null and u.path <@ cast(? as ltree)";
            if (!scope.unrestricted()) {
                sql += " and u.path <@ cast(? as ltree[])";
                params.add(scope.pathsLiteral());
            }
            source = new SqlQuery(sql, params);
        }
        List<Object> params = new ArrayList<>();
        params.add(UUID.fromString(b.id()));
        params.add(Sql.utc(startAt));
        params.addAll(source.params());
        String insert = "insert into broadcast_delivery (id, broadcast_id, member_id, status, attempts,"
                + " next_attempt_at, updated_at) select " + uuidFunction(c) + ", ?, x.id, 'QUEUED', 0, ?,"
                + " clock_timestamp() from (" + source.sql() + ") x on conflict do nothing";
        try (PreparedStatement ps = new SqlQuery(insert, params).prepare(c)) {
            return ps.executeUpdate();
        }
    }

    /** UUIDv7 from PostgreSQL 18 on (time-ordered, like every Roster id), random UUIDs before. */
    private String uuidFunction(Connection c) throws SQLException {
        String f = uuidFunction;
        if (f == null) {
            try (PreparedStatement ps = c.prepareStatement("select current_setting('server_version_num')::int");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                f = rs.getInt(1) >= 180000 ? "uuidv7()" : "gen_random_uuid()";
            }
            uuidFunction = f;
        }
        return f;
    }

    @Override
    @Transactional
    public Broadcast pause(String id) {
        return transition(
                id,
                EnumSet.of(BroadcastStatus.SCHEDULED, BroadcastStatus.RUNNING),
                "'PAUSED'",
                "broadcast.paused",
                "only a scheduled or running broadcast can be paused");
    }

    @Override
    @Transactional
    public Broadcast resume(String id) {
        return transition(
                id,
                EnumSet.of(BroadcastStatus.PAUSED),
                "case when start_at > clock_timestamp() then 'SCHEDULED' else 'RUNNING' end",
                "broadcast.resumed",
                "only a paused broadcast can be resumed");
    }

    @Override
    @Transactional
    public Broadcast cancel(String id) {
        Broadcast b = transition(
                id,
                EnumSet.of(
                        BroadcastStatus.DRAFT,
                        BroadcastStatus.SCHEDULED,
                        BroadcastStatus.RUNNING,
                        BroadcastStatus.PAUSED),
                "'CANCELLED'",
                "broadcast.cancelled",
                "a completed or cancelled broadcast cannot be cancelled");
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast_delivery set status = 'CANCELLED',"
                    + " updated_at = clock_timestamp() where broadcast_id = ? and status = 'QUEUED'")) {
                ps.setObject(1, UUID.fromString(b.id()));
                return ps.executeUpdate();
            }
        });
        return b;
    }

    private Broadcast transition(String id, Set<BroadcastStatus> from, String toSql, String action, String refusal) {
        access.require(Permission.NOTIFICATION_SEND);
        Loaded l = visible(id, true);
        BroadcastStatus before = l.broadcast().status();
        if (!from.contains(before)) {
            throw new InvalidStateException("broadcast-state", refusal + " (it is " + before + ")");
        }
        UUID bid = UUID.fromString(l.broadcast().id());
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update broadcast set status = " + toSql
                    + ", updated_at = clock_timestamp(), version = version + 1 where id = ?")) {
                ps.setObject(1, bid);
                return ps.executeUpdate();
            }
        });
        Broadcast after = load(bid).broadcast();
        audit.record(action, "broadcast", bid, null, Map.of("status", Map.of("from", before, "to", after.status())));
        return after;
    }

    @Override
    @Transactional
    public BroadcastStatistics statistics(String id) {
        access.require(Permission.NOTIFICATION_READ);
        UUID bid = UUID.fromString(visible(id, false).broadcast().id());
        return Sql.jdbc(em, c -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select status, count(*) from broadcast_delivery where broadcast_id = ? group by status")) {
                ps.setObject(1, bid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Map<String, Long> reasons = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select reason, count(*) from broadcast_delivery"
                    + " where broadcast_id = ? and status = 'SKIPPED' group by reason order by 2 desc, 1 limit 20")) {
                ps.setObject(1, bid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reasons.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new BroadcastStatistics(
                    total,
                    counts.getOrDefault("QUEUED", 0L),
                    counts.getOrDefault("SENDING", 0L),
                    counts.getOrDefault("SENT", 0L),
                    counts.getOrDefault("DELIVERED", 0L),
                    counts.getOrDefault("FAILED", 0L),
                    counts.getOrDefault("SKIPPED", 0L),
                    counts.getOrDefault("CANCELLED", 0L),
                    reasons);
        });
    }

    @Override
    @Transactional
    public Page<BroadcastDelivery> deliveries(String id, DeliveryStatus status, PageRequest page) {
        access.require(Permission.NOTIFICATION_READ);
        UUID bid = UUID.fromString(visible(id, false).broadcast().id());
        String tag = "deliveries" + (status == null ? "" : status.name());
        UUID after = page.cursor() == null
                ? null
                : Cursors.id(Cursors.decode(page.cursor(), tag, 1).get(0));
        List<BroadcastDelivery> rows = Sql.jdbc(em, c -> {
            String sql = "select * from broadcast_delivery where broadcast_id = ?"
                    + (status == null ? "" : " and status = ?")
                    + (after == null ? "" : " and id > ?")
                    + " order by id limit ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, bid);
                if (status != null) {
                    ps.setString(i++, status.name());
                }
                if (after != null) {
                    ps.setObject(i++, after);
                }
                ps.setInt(i, page.limit() + 1);
                List<BroadcastDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ch = rs.getString("channel");
                        out.add(new BroadcastDelivery(
                                rs.getObject("id", UUID.class).toString(),
                                bid.toString(),
                                rs.getObject("member_id", UUID.class).toString(),
                                DeliveryStatus.valueOf(rs.getString("status")),
                                ch == null ? null : ContactChannel.valueOf(ch),
                                rs.getInt("attempts"),
                                Sql.instant(rs, "next_attempt_at"),
                                rs.getString("reason"),
                                Sql.instant(rs, "sent_at"),
                                Sql.instant(rs, "updated_at")));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.encode(tag, rows.get(rows.size() - 1).id());
        }
        return new Page<>(rows, next);
    }

    @Override
    @Transactional
    public OrgUnitTimeZone timeZone(String orgUnitId) {
        access.require(Permission.ORG_READ);
        return zoneOf(access.visibleUnit(orgUnitId));
    }

    @Override
    @Transactional
    public OrgUnitTimeZone setTimeZone(String orgUnitId, String timeZone) {
        access.require(Permission.ORG_WRITE);
        OrgUnitEntity unit = access.visibleUnit(orgUnitId);
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (zone != null) {
            try {
                zone = java.time.ZoneId.of(zone).getId();
            } catch (java.time.DateTimeException e) {
                throw ValidationException.of("timeZone", "unknown-time-zone", "an IANA time zone, e.g. Europe/Kyiv");
            }
        }
        OrgUnitTimeZone before = zoneOf(unit);
        String value = zone;
        Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("update org_unit set time_zone = ? where id = ?")) {
                ps.setString(1, value);
                ps.setObject(2, unit.id);
                return ps.executeUpdate();
            }
        });
        OrgUnitTimeZone after = zoneOf(unit);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", before.timeZone());
        change.put("to", after.timeZone());
        audit.record("org-unit.time-zone-changed", "org-unit", unit.id, null, Map.of("timeZone", change));
        return after;
    }

    private OrgUnitTimeZone zoneOf(OrgUnitEntity unit) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select u.time_zone, " + UnitTimeZones.nearest("u.path") + " from org_unit u where u.id = ?")) {
                ps.setObject(1, unit.id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String effective = rs.getString(2);
                    return new OrgUnitTimeZone(
                            unit.id.toString(),
                            rs.getString(1),
                            effective == null ? templates.zone().getId() : effective);
                }
            }
        });
    }

    @Override
    public int dispatchDue(int max) {
        return dispatcher.dispatchDue(max);
    }

    /** A stored broadcast with its unit's path. */
    record Loaded(Broadcast broadcast, String unitPath) {}

    private Loaded visible(String id, boolean lock) {
        UUID bid = Ids.parse(id).orElseThrow(() -> new NotFoundException("broadcast", id));
        Loaded l = lock ? loadForUpdate(bid) : load(bid);
        if (l == null || !access.scope().contains(l.unitPath())) {
            throw new NotFoundException("broadcast", id);
        }
        return l;
    }

    private Loaded load(UUID id) {
        return load(id, false);
    }

    private Loaded loadForUpdate(UUID id) {
        return load(id, true);
    }

    private Loaded load(UUID id, boolean lock) {
        return Sql.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select b.*, u.path::text as unit_path from broadcast b"
                    + " join org_unit u on u.id = b.org_unit_id where b.id = ?" + (lock ? " for update of b" : ""))) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Loaded(map(rs), rs.getString("unit_path")) : null;
                }
            }
        });
    }

    private static Broadcast map(ResultSet rs) throws SQLException {
        Array members = rs.getArray("member_ids");
        List<String> memberIds = null;
        if (members != null) {
            memberIds = new ArrayList<>();
            for (Object o : (Object[]) members.getArray()) {
                memberIds.add(o.toString());
            }
        }
        List<ContactChannel> channels = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("channels").getArray()) {
            channels.add(ContactChannel.valueOf(o.toString()));
        }
        UUID segment = rs.getObject("segment_id", UUID.class);
        return new Broadcast(
                rs.getObject("id", UUID.class).toString(),
                rs.getObject("org_unit_id", UUID.class).toString(),
                rs.getString("name"),
                rs.getObject("template_id", UUID.class).toString(),
                segment == null ? null : segment.toString(),
                memberIds,
                channels,
                Sql.instant(rs, "start_at"),
                rs.getDouble("rate_per_second"),
                rs.getObject("quiet_start", LocalTime.class),
                rs.getObject("quiet_end", LocalTime.class),
                rs.getInt("max_attempts"),
                BroadcastStatus.valueOf(rs.getString("status")),
                rs.getInt("recipients"),
                Sql.instant(rs, "created_at"),
                rs.getString("created_by"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
