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
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.persistence.TimelineEntryEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pages of {@code timeline_entry}, newest first, by one range scan of the (member, time, id) index (or the
 * (member, kind, time, id) one with a kind filter). No count, no OFFSET: a page costs the same at any depth.
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
        MemberEntity member = members.memberForHistory(q.memberId());
        PageRequest page = q.page() == null ? PageRequest.first() : q.page();
        StringBuilder jpql = new StringBuilder("select t from TimelineEntryEntity t where t.memberId = :m");
        if (q.kinds() != null && !q.kinds().isEmpty()) {
            jpql.append(" and t.kind in :kinds");
        }
        if (q.types() != null && !q.types().isEmpty()) {
            jpql.append(" and t.type in :types");
        }
        if (q.channels() != null && !q.channels().isEmpty()) {
            jpql.append(" and t.channel in :channels");
        }
        if (q.from() != null) {
            jpql.append(" and t.occurredAt >= :from");
        }
        if (q.to() != null) {
            jpql.append(" and t.occurredAt < :to");
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "timeline", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
            jpql.append(" and (t.occurredAt < :at or (t.occurredAt = :at and t.id < :id))");
        }
        jpql.append(" order by t.occurredAt desc, t.id desc");
        TypedQuery<TimelineEntryEntity> query =
                em.createQuery(jpql.toString(), TimelineEntryEntity.class).setParameter("m", member.id);
        if (q.kinds() != null && !q.kinds().isEmpty()) {
            query.setParameter("kinds", q.kinds().stream().map(Enum::name).toList());
        }
        if (q.types() != null && !q.types().isEmpty()) {
            query.setParameter("types", List.copyOf(q.types()));
        }
        if (q.channels() != null && !q.channels().isEmpty()) {
            query.setParameter("channels", List.copyOf(q.channels()));
        }
        if (q.from() != null) {
            query.setParameter("from", q.from());
        }
        if (q.to() != null) {
            query.setParameter("to", q.to());
        }
        if (afterId != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        List<TimelineEntryEntity> rows = query.setMaxResults(page.limit() + 1).getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            TimelineEntryEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode("timeline", last.occurredAt, last.id);
        }
        List<TimelineEntry> items = new ArrayList<>();
        for (TimelineEntryEntity t : rows) {
            items.add(new TimelineEntry(
                    t.id.toString(),
                    t.memberId.toString(),
                    EntryKind.valueOf(t.kind),
                    t.occurredAt,
                    t.type,
                    t.channel,
                    t.refId == null ? null : t.refId.toString(),
                    t.title,
                    t.data == null ? Map.of() : t.data));
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
