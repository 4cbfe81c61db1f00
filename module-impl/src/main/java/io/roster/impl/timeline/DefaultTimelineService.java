package io.roster.impl.timeline;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.security.Permission;
import io.roster.api.timeline.EntryKind;
import io.roster.api.timeline.TimelineEntry;
import io.roster.api.timeline.TimelineQuery;
import io.roster.api.timeline.TimelineService;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.JsonText;
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Pages of {@code timeline_entry}, newest first, by one range scan of the (member, time, id) index (or the
 * (member, kind, time, id) one with a kind filter). No count, no OFFSET: a page costs the same at any depth. The SQL
 * is native and built by {@link TimelineSql}, which {@code TimelinePlanTest} explains on a large table.
 */
@ApplicationScoped
public class DefaultTimelineService implements TimelineService {
    static final int MAX_FILTER_VALUES = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    DefaultMemberService members;

    @Override
    @Transactional
    public Page<TimelineEntry> page(TimelineQuery q) {
        access.require(Permission.MEMBER_READ);
        validate(q);
        UUID memberId = members.memberIdForHistory(q.memberId());
        PageRequest page = q.page() == null ? PageRequest.first() : q.page();
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "timeline", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        SqlQuery sql = TimelineSql.build(memberId, q, afterAt, afterId, page.limit() + 1);
        // Plain JDBC: entries are written by SQL and only read here, so the persistence context has nothing to add.
        List<TimelineEntry> rows = em.unwrap(Session.class).doReturningWork(c -> {
            List<TimelineEntry> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID ref = rs.getObject(7, UUID.class);
                    out.add(new TimelineEntry(
                            rs.getString(1),
                            rs.getString(2),
                            EntryKind.valueOf(rs.getString(3)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getString(5),
                            rs.getString(6),
                            ref == null ? null : ref.toString(),
                            rs.getString(8),
                            JsonText.object(rs.getString(9))));
                }
            }
            return out;
        });
        String next = null;
        List<TimelineEntry> items = rows;
        if (rows.size() > page.limit()) {
            items = rows.subList(0, page.limit());
            TimelineEntry last = items.get(items.size() - 1);
            next = Cursors.encode("timeline", last.occurredAt(), UUID.fromString(last.id()));
        }
        return new Page<>(items, next);
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
