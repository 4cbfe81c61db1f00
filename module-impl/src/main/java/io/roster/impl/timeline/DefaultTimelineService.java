package io.roster.impl.timeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.ValidationException;
import io.roster.api.security.Permission;
import io.roster.api.timeline.EntryKind;
import io.roster.api.timeline.TimelineEntry;
import io.roster.api.timeline.TimelineQuery;
import io.roster.api.timeline.TimelineService;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.JsonObjectText;
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.persistence.JdbcReads;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pages of {@code timeline_entry}, newest first, by one range scan of the (member, time, id) index (or the
 * (member, kind, time, id) one with a kind filter). No count, no OFFSET: a page costs the same at any depth. The SQL
 * is native and built by {@link TimelineSql}, which {@code TimelinePlanTest} explains on a large table.
 */
@ApplicationScoped
public class DefaultTimelineService implements TimelineService {
    static final int MAX_FILTER_VALUES = 20;

    @Inject
    JdbcReads jdbc;

    @Inject
    Access access;

    /**
     * Runs in the caller's transaction when there is one (so it sees what that transaction wrote) and without one
     * otherwise: a page is then one autocommit statement, with no transaction begun and committed around it and no
     * Hibernate session opened ({@link JdbcReads}). Not {@code @Transactional}: there is nothing to begin, and a refusal
     * (an unknown member, a bad filter) must not mark a caller's transaction for rollback.
     */
    @Override
    public Page<TimelineEntry> page(TimelineQuery q) {
        access.require(Permission.MEMBER_READ);
        validate(q);
        UUID memberId = Ids.parse(q.memberId()).orElseThrow(() -> new NotFoundException("member", q.memberId()));
        PageRequest page = q.page() == null ? PageRequest.first() : q.page();
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "timeline", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        for (int hop = 0; hop <= DefaultMemberService.MAX_MERGE_HOPS; hop++) {
            SqlQuery sql = TimelineSql.build(memberId, q, afterAt, afterId, page.limit() + 1);
            // Plain JDBC: entries are written by SQL and only read here, so the persistence context has nothing to add.
            Read read = jdbc.read(c -> read(sql, c), "a timeline page");
            if (read == null) {
                break;
            }
            if (read.mergedInto() != null) {
                memberId = UUID.fromString(read.mergedInto());
                continue;
            }
            if (!access.scope().contains(read.unitPath())) {
                break;
            }
            return page(read.rows(), page.limit());
        }
        throw new NotFoundException("member", q.memberId());
    }

    /** What one statement of {@link TimelineSql} returned; {@code null} from {@link #read} for an unknown member. */
    private record Read(String mergedInto, String unitPath, List<TimelineEntry> rows) {}

    private static Read read(SqlQuery sql, Connection c) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            String mergedInto = rs.getString(1);
            String unitPath = rs.getString(2);
            List<TimelineEntry> rows = new ArrayList<>();
            do {
                String id = rs.getString(3);
                if (id == null) {
                    break;
                }
                UUID ref = rs.getObject(9, UUID.class);
                rows.add(new TimelineEntry(
                        id,
                        rs.getString(4),
                        EntryKind.valueOf(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        ref == null ? null : ref.toString(),
                        rs.getString(10),
                        JsonObjectText.of(rs.getString(11))));
            } while (rs.next());
            return new Read(mergedInto, unitPath, rows);
        }
    }

    private static Page<TimelineEntry> page(List<TimelineEntry> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<TimelineEntry> items = rows.subList(0, limit);
        TimelineEntry last = items.get(items.size() - 1);
        return new Page<>(items, Cursors.encode("timeline", last.occurredAt(), UUID.fromString(last.id())));
    }

    private static void validate(TimelineQuery q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.types() != null && q.types().size() > MAX_FILTER_VALUES) {
            errors.add(new FieldError("type", "too-many", "at most " + MAX_FILTER_VALUES + " types"));
        }
        if (q.channels() != null && q.channels().size() > MAX_FILTER_VALUES) {
            errors.add(new FieldError("channel", "too-many", "at most " + MAX_FILTER_VALUES + " channels"));
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            errors.add(new FieldError("to", "before-from", "to must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
