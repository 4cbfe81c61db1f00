package io.roster.impl.audit;

import io.roster.api.audit.AuditEntry;
import io.roster.api.audit.AuditQuery;
import io.roster.api.audit.AuditService;
import io.roster.api.audit.AuditVerification;
import io.roster.api.common.Page;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.ValidationException;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Source;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultAuditService implements AuditService {
    /** Entries checked per statement while verifying, so memory stays flat however long the trail. */
    static final int VERIFY_BATCH = 10_000;

    static final int MAX_BREAKS = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Override
    @Transactional
    public Page<AuditEntry> query(AuditQuery q) {
        access.require(Permission.AUDIT_READ);
        List<FieldError> errors = new ArrayList<>();
        UUID member = parseId(q.memberId(), "memberId", errors);
        if (q.actorId() != null && (q.actorId().isBlank() || q.actorId().length() > 200)) {
            errors.add(new FieldError("actorId", "invalid", "actorId is 1–200 characters"));
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            errors.add(new FieldError("to", "range", "to must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (q.page().cursor() != null) {
            List<String> v = Cursors.decode(q.page().cursor(), "audit", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Access.Scope scope = access.scope();
        StringBuilder sql = new StringBuilder("select * from audit_event a where true");
        List<Object> params = new ArrayList<>();
        if (member != null) {
            sql.append(" and a.member_id = ?");
            params.add(member);
        }
        if (q.actorId() != null) {
            sql.append(" and a.actor_id = ?");
            params.add(q.actorId());
        }
        if (q.from() != null) {
            sql.append(" and a.occurred_at >= ?");
            params.add(utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and a.occurred_at < ?");
            params.add(utc(q.to()));
        }
        if (afterId != null) {
            sql.append(" and (a.occurred_at, a.id) < (?, ?)");
            params.add(utc(afterAt));
            params.add(afterId);
        }
        if (!scope.unrestricted()) {
            // entries about records outside the caller's subtrees, or about no unit at all, are not its to see
            sql.append(" and a.org_unit_id in (select u.id from org_unit u where u.path <@ any(cast(? as ltree[])))");
            params.add(scope.pathsLiteral());
        }
        sql.append(" order by a.occurred_at desc, a.id desc limit ?");
        int limit = q.page().limit();
        params.add(limit + 1);
        List<AuditEntry> rows = em.unwrap(Session.class).doReturningWork(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            AuditEntry last = rows.get(rows.size() - 1);
            next = Cursors.encode("audit", last.occurredAt(), last.id());
        }
        return new Page<>(rows, next);
    }

    @Override
    @Transactional
    public AuditVerification verify() {
        Caller caller = access.require(Permission.AUDIT_READ);
        if (!caller.unrestricted()) {
            throw new ForbiddenException("verifying the audit trail needs a caller who sees the whole organisation");
        }
        return em.unwrap(Session.class).doReturningWork(this::verify);
    }

    private AuditVerification verify(Connection c) throws SQLException {
        long headSeq;
        byte[] headHash;
        try (PreparedStatement ps = c.prepareStatement("select seq, hash from audit_chain_head where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getBytes(2);
        }
        List<AuditVerification.Break> breaks = new ArrayList<>();
        long checked = 0;
        long lastSeq = 0;
        byte[] lastHash = new byte[32];
        // Each batch is a range of sequence numbers; the window compares every entry with the one before it, and the
        // first entry of a batch with the last entry of the previous one.
        for (long from = 0; from < headSeq && breaks.size() < MAX_BREAKS; from += VERIFY_BATCH) {
            try (PreparedStatement ps = c.prepareStatement("select chain_seq, id, prev_hash, hash,"
                    + " hash = sha256(prev_hash || audit_canonical(chain_seq, id, occurred_at, actor_id, actor_kind,"
                    + "   actor_name, source, action, entity_type, entity_id, member_id, org_unit_id, request_id,"
                    + "   changes)) as intact"
                    + " from audit_event where chain_seq > ? and chain_seq <= ? order by chain_seq")) {
                ps.setLong(1, from);
                ps.setLong(2, Math.min(from + VERIFY_BATCH, headSeq));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && breaks.size() < MAX_BREAKS) {
                        long seq = rs.getLong(1);
                        String id = rs.getObject(2, UUID.class).toString();
                        byte[] prev = rs.getBytes(3);
                        checked++;
                        if (seq != lastSeq + 1 || !java.util.Arrays.equals(prev, lastHash)) {
                            breaks.add(new AuditVerification.Break(seq, id, "missing-before"));
                        }
                        if (!rs.getBoolean(5)) {
                            breaks.add(new AuditVerification.Break(seq, id, "altered"));
                        }
                        lastSeq = seq;
                        lastHash = rs.getBytes(4);
                    }
                }
            }
        }
        if (breaks.size() < MAX_BREAKS
                && (lastSeq != headSeq || !java.util.Arrays.equals(lastHash, headHash) && headSeq > 0)) {
            breaks.add(new AuditVerification.Break(headSeq, null, "missing-at-end"));
        }
        return new AuditVerification(
                breaks.isEmpty(), checked, headSeq, HexFormat.of().formatHex(headHash), List.copyOf(breaks));
    }

    private static UUID parseId(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        UUID id = Ids.parse(value).orElse(null);
        if (id == null) {
            errors.add(new FieldError(field, "invalid-id", field + " is not an id"));
        }
        return id;
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class).toString(),
                rs.getLong("chain_seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"),
                CallerKind.valueOf(rs.getString("actor_kind")),
                rs.getString("actor_name"),
                Source.valueOf(rs.getString("source")),
                rs.getString("action"),
                rs.getString("entity_type"),
                str(rs.getObject("entity_id", UUID.class)),
                str(rs.getObject("member_id", UUID.class)),
                str(rs.getObject("org_unit_id", UUID.class)),
                rs.getString("request_id"),
                rs.getString("changes"),
                HexFormat.of().formatHex(rs.getBytes("hash")));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
