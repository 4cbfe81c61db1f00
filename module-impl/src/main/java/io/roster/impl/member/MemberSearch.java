package io.roster.impl.member;

import io.roster.api.common.PageRequest;
import io.roster.api.error.ValidationException;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.security.Access;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the member list query. Every filter maps onto an index: trigram GIN on {@code search_key} for names,
 * {@code member_contact(kind, lookup)} for phones and e-mails, GIN on {@code tags}, btree on the sort keys; paging is
 * keyset on (sort value, id), so a page costs the same wherever it is in the list.
 */
public final class MemberSearch {
    static final String COLUMNS = "m.id, m.given_name, m.patronymic, m.family_name, m.status, m.org_unit_id,"
            + " m.support_level, m.tags, m.archived_at, m.updated_at, m.version, m.sort_key, m.created_at";

    /** Words of a name query that must each match: family name, given name, patronymic, and one more. */
    static final int MAX_NAME_WORDS = 4;

    private MemberSearch() {}

    /** What the free-text part of a query turned out to be. */
    public enum TextKind {
        NONE,
        NAME,
        PHONE,
        EMAIL
    }

    /**
     * The SQL for a query.
     *
     * @param subtreePath the ltree path of the {@code orgUnitId} filter's unit, or {@code null}
     */
    public static SqlQuery build(MemberQuery query, Access.Scope scope, String subtreePath, PhoneNumbers phones) {
        return build(query, scope, subtreePath, phones, Instant.now());
    }

    /**
     * The SQL for a query, with "now" given (for "not contacted for N days").
     *
     * @param subtreePath the ltree path of the {@code orgUnitId} filter's unit, or {@code null}
     */
    public static SqlQuery build(
            MemberQuery query, Access.Scope scope, String subtreePath, PhoneNumbers phones, Instant now) {
        return build(query, scope, subtreePath, phones, now, false);
    }

    /**
     * The SQL for a query; with {@code perUnit} a name-sorted list is read unit by unit (see {@link #perUnitApplies}).
     *
     * @param perUnit whether {@link #perUnitApplies} said yes for this query
     */
    public static SqlQuery build(
            MemberQuery query,
            Access.Scope scope,
            String subtreePath,
            PhoneNumbers phones,
            Instant now,
            boolean perUnit) {
        return build(query, scope, subtreePath, phones, now, perUnit, false);
    }

    /**
     * The ids of every member a query matches, unordered and unpaged ({@code select m.id from member m where …}): for
     * counting a segment and for set-based inserts of its members. The query's sort and page are ignored; a name
     * query needs {@code pg_trgm.word_similarity_threshold} set as for {@link #build}. Parameters as {@link #build}'s.
     */
    public static SqlQuery ids(
            MemberQuery query, Access.Scope scope, String subtreePath, PhoneNumbers phones, Instant now) {
        MemberQuery unpaged = new MemberQuery(
                query.q(),
                query.orgUnitId(),
                query.statuses(),
                query.tags(),
                query.supportLevelMin(),
                query.supportLevelMax(),
                query.consentChannel(),
                query.updatedSince(),
                query.notContactedForDays(),
                query.lastOutcome(),
                query.attendedEventId(),
                query.includeArchived(),
                null,
                PageRequest.first());
        return build(unpaged, scope, subtreePath, phones, now, false, true);
    }

    private static SqlQuery build(
            MemberQuery query,
            Access.Scope scope,
            String subtreePath,
            PhoneNumbers phones,
            Instant now,
            boolean perUnit,
            boolean idsOnly) {
        List<Object> params = new ArrayList<>();
        List<String> unitConditions = new ArrayList<>();
        List<Object> unitParams = new ArrayList<>();
        String q = query.q() == null ? null : query.q().strip();
        TextKind kind = textKind(q);
        MemberSort sort = effectiveSort(query, kind);
        boolean byUnit = perUnit && nameListWithoutText(kind, sort);
        // Read unit by unit, the member subquery is correlated to the unit (uu) it lists.
        StringBuilder where = new StringBuilder(
                byUnit
                        ? " where m.org_unit_id = uu.id and m.merged_into_id is null"
                        : " where m.merged_into_id is null");
        List<String> keys = kind == TextKind.NAME ? NameKeys.queryKeys(q) : List.of();
        String scoreExpr = null;
        List<Object> scoreParams = new ArrayList<>();
        if (kind == TextKind.NAME) {
            if (keys.isEmpty()) {
                return emptyQuery(idsOnly);
            }
            // Every word of the query must match a word of the name (fuzzily): "Ларионова Алевтина" lists the
            // Alevtinas Larionova, not every Alevtina. Each word is its own GIN condition, so the index intersects
            // them; the score is the mean of the words' similarities, the better of the two readings.
            List<String> condition = new ArrayList<>();
            List<String> scores = new ArrayList<>();
            for (List<String> words : keys.stream().map(MemberSearch::words).toList()) {
                condition.add("(" + String.join(" and ", Collections.nCopies(words.size(), "m.search_key %> ?")) + ")");
                params.addAll(words);
                scores.add(
                        "(" + String.join(" + ", Collections.nCopies(words.size(), "word_similarity(?, m.search_key)"))
                                + ") / " + words.size());
                scoreParams.addAll(words);
            }
            scoreExpr = scores.size() == 1 ? scores.get(0) : "greatest(" + String.join(", ", scores) + ")";
            where.append(" and (").append(String.join(" or ", condition)).append(")");
        } else if (kind == TextKind.PHONE) {
            Optional<String> e164 = phones.toE164(q);
            if (e164.isEmpty()) {
                return emptyQuery(idsOnly);
            }
            where.append(" and m.id in (select c.member_id from member_contact c"
                    + " where c.kind = 'PHONE' and c.lookup = ?)");
            params.add(e164.get());
        } else if (kind == TextKind.EMAIL) {
            Optional<String> email = EmailAddresses.normalize(q);
            if (email.isEmpty()) {
                return emptyQuery(idsOnly);
            }
            where.append(" and m.id in (select c.member_id from member_contact c"
                    + " where c.kind = 'EMAIL' and c.lookup = ?)");
            params.add(email.get().toLowerCase(java.util.Locale.ROOT));
        }
        if (!query.includeArchived()) {
            where.append(" and m.archived_at is null");
        }
        if (!scope.unrestricted()) {
            unitConditions.add("u.path <@ cast(? as ltree[])");
            unitParams.add(scope.pathsLiteral());
        }
        if (subtreePath != null) {
            unitConditions.add("u.path <@ cast(? as ltree)");
            unitParams.add(subtreePath);
        }
        if (!byUnit) {
            for (String condition : unitConditions) {
                where.append(" and m.org_unit_id in (select u.id from org_unit u where ")
                        .append(condition)
                        .append(")");
            }
            params.addAll(unitParams);
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.append(" and m.status = any(?)");
            params.add(new SqlQuery.TextArray(
                    query.statuses().stream().map(MemberStatus::name).sorted().toArray(String[]::new)));
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            where.append(" and m.tags @> ?");
            // stored tags are trimmed, so the filter is too
            params.add(new SqlQuery.TextArray(
                    query.tags().stream().map(String::strip).sorted().toArray(String[]::new)));
        }
        if (query.supportLevelMin() != null) {
            where.append(" and m.support_level >= ?");
            params.add(query.supportLevelMin().shortValue());
        }
        if (query.supportLevelMax() != null) {
            where.append(" and m.support_level <= ?");
            params.add(query.supportLevelMax().shortValue());
        }
        if (query.consentChannel() != null) {
            where.append(" and exists (select 1 from member_consent mc where mc.member_id = m.id"
                    + " and mc.channel = ? and mc.granted) and not (m.do_not_contact @> ?)");
            params.add(query.consentChannel().name());
            params.add(
                    new SqlQuery.TextArray(new String[] {query.consentChannel().name()}));
        }
        if (query.updatedSince() != null) {
            where.append(" and m.updated_at >= ?");
            params.add(query.updatedSince());
        }
        if (query.notContactedForDays() != null) {
            where.append(" and (m.last_contact_at is null or m.last_contact_at < ?)");
            params.add(now.minus(java.time.Duration.ofDays(query.notContactedForDays())));
        }
        if (query.lastOutcome() != null) {
            where.append(" and m.last_outcome = ?");
            params.add(query.lastOutcome().name());
        }
        if (query.attendedEventId() != null) {
            where.append(" and m.id in (select a.member_id from event_attendance a where a.event_id = ?"
                    + " and a.status = 'ATTENDED')");
            params.add(Ids.parse(query.attendedEventId()).orElse(new UUID(0, 0)));
        }
        if (idsOnly) {
            return new SqlQuery("select m.id from member m" + where, params);
        }
        String tag = cursorTag(query, kind, sort);
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        String order;
        switch (sort) {
            case RELEVANCE -> {
                if (page.cursor() != null) {
                    List<String> v = Cursors.decode(page.cursor(), tag, 2);
                    where.append(" and (")
                            .append(scoreExpr)
                            .append(" < ? or (")
                            .append(scoreExpr)
                            .append(" = ? and m.id > ?))");
                    float score = parseFloat(v.get(0));
                    for (int i = 0; i < 2; i++) {
                        params.addAll(scoreParams);
                        params.add(score);
                    }
                    params.add(uuid(v.get(1)));
                }
                order = " order by score desc, m.id";
            }
            case NAME, NAME_DESC ->
                order = keyset(where, params, page, tag, "m.sort_key", sort == MemberSort.NAME_DESC, false);
            case UPDATED_AT, UPDATED_AT_DESC ->
                order = keyset(where, params, page, tag, "m.updated_at", sort == MemberSort.UPDATED_AT_DESC, true);
            case CREATED_AT, CREATED_AT_DESC ->
                order = keyset(where, params, page, tag, "m.created_at", sort == MemberSort.CREATED_AT_DESC, true);
            default -> throw new IllegalStateException("unhandled sort " + sort);
        }
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
        List<Object> all = new ArrayList<>();
        if (scoreExpr != null) {
            sql.append(", ").append(scoreExpr).append(" as score");
            all.addAll(scoreParams);
        } else {
            sql.append(", null::real as score");
        }
        if (byUnit) {
            // Each unit's members are read in name order from (org_unit_id, sort_key, id), a page's worth at most,
            // and merged: a district of 14k members costs a few hundred index entries instead of 14k heap rows.
            sql.append(" from (select u.id from org_unit u where ")
                    .append(String.join(" and ", unitConditions))
                    .append(") uu cross join lateral (select * from member m")
                    .append(where)
                    .append(order)
                    .append(" limit ?) m")
                    .append(order)
                    .append(" limit ?");
            all.addAll(unitParams);
            all.addAll(params);
            all.add(page.limit() + 1);
            all.add(page.limit() + 1);
            return new SqlQuery(sql.toString(), all);
        }
        sql.append(" from member m").append(where).append(order).append(" limit ?");
        all.addAll(params);
        all.add(page.limit() + 1);
        return new SqlQuery(sql.toString(), all);
    }

    /** Beyond this many units a name-sorted list is never read unit by unit. */
    public static final int PER_UNIT_MAX_UNITS = 200;

    /**
     * Whether to read a list unit by unit: when it is sorted by name without a text query, restricted by subtree or
     * scope to at most {@link #PER_UNIT_MAX_UNITS} units, and those units are small next to the organisation. Reading
     * unit by unit costs about a page per unit; walking the organisation-wide name index costs about a page divided by
     * the units' share of all members. So with {@code n} units the per-unit read wins when they hold fewer than
     * {@code 1/n} of the members: a district (6 units, 1.4 % of a million) yes, a capital region (60 units, 10 %) no.
     * Two cheap statements decide it: the units (at most 201) with the table's row estimate, then an index-only count
     * of their members that stops at {@code members/n}. Parameters as {@link #build}'s.
     */
    public static boolean perUnitApplies(
            java.sql.Connection c, MemberQuery query, Access.Scope scope, String subtreePath)
            throws java.sql.SQLException {
        TextKind kind = textKind(query.q() == null ? null : query.q().strip());
        MemberSort sort = effectiveSort(query, kind);
        if (!nameListWithoutText(kind, sort)) {
            return false;
        }
        if (scope.unrestricted() && subtreePath == null) {
            return false;
        }
        StringBuilder units = new StringBuilder("select u.id from org_unit u where true");
        List<Object> params = new ArrayList<>();
        if (!scope.unrestricted()) {
            units.append(" and u.path <@ cast(? as ltree[])");
            params.add(scope.pathsLiteral());
        }
        if (subtreePath != null) {
            units.append(" and u.path <@ cast(? as ltree)");
            params.add(subtreePath);
        }
        int unitCount;
        long members;
        try (java.sql.PreparedStatement ps = new SqlQuery(
                                "select (select count(*) from (" + units + " limit " + (PER_UNIT_MAX_UNITS + 1)
                                        + ") x), (select greatest(reltuples, 0)::bigint from pg_class"
                                        + " where oid = 'member'::regclass)",
                                params)
                        .prepare(c);
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            unitCount = rs.getInt(1);
            members = rs.getLong(2);
        }
        if (unitCount == 0 || unitCount > PER_UNIT_MAX_UNITS) {
            return false;
        }
        if (members == 0) {
            return true; // never analysed: too small for it to matter
        }
        long cap = Math.max(1, members / unitCount);
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(cap);
        try (java.sql.PreparedStatement ps = new SqlQuery(
                                "select count(*) from (select 1 from member m where m.org_unit_id in (" + units
                                        + ") limit ?) x",
                                countParams)
                        .prepare(c);
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) < cap;
        }
    }

    /** A list sorted by name without a text query: the only kind that may be read unit by unit. */
    private static boolean nameListWithoutText(TextKind kind, MemberSort sort) {
        return kind == TextKind.NONE && (sort == MemberSort.NAME || sort == MemberSort.NAME_DESC);
    }

    /**
     * The words of a query key that take part in matching: at most {@link #MAX_NAME_WORDS}; single letters (initials)
     * only when there is nothing longer, because one letter matches half of all names.
     */
    static List<String> words(String key) {
        List<String> all =
                Arrays.stream(key.split(" ")).filter(w -> !w.isEmpty()).toList();
        List<String> longer = all.stream().filter(w -> w.length() > 1).toList();
        List<String> chosen = longer.isEmpty() ? all : longer;
        return chosen.size() > MAX_NAME_WORDS ? chosen.subList(0, MAX_NAME_WORDS) : chosen;
    }

    private static String keyset(
            StringBuilder where,
            List<Object> params,
            PageRequest page,
            String tag,
            String column,
            boolean desc,
            boolean instant) {
        if (page.cursor() != null && !instant) {
            // A name cursor carries only the id of the last row: the name itself must never travel in a URL.
            List<String> v = Cursors.decode(page.cursor(), tag, 1);
            where.append(" and (")
                    .append(column)
                    .append(", m.id) ")
                    .append(desc ? "<" : ">")
                    .append(" (select c.sort_key, c.id from member c where c.id = ?)");
            params.add(uuid(v.get(0)));
        } else if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), tag, 2);
            where.append(" and (")
                    .append(column)
                    .append(", m.id) ")
                    .append(desc ? "<" : ">")
                    .append(" (?, ?)");
            params.add(Cursors.instant(v.get(0)));
            params.add(uuid(v.get(1)));
        }
        String dir = desc ? " desc" : "";
        return " order by " + column + dir + ", m.id" + dir;
    }

    /** The cursor of the page that follows a row. */
    static String nextCursor(MemberQuery query, MemberSort sort, TextKind kind, Row last) {
        String tag = cursorTag(query, kind, sort);
        return switch (sort) {
            case RELEVANCE -> Cursors.encode(tag, Float.toString(last.score()), last.id());
            case NAME, NAME_DESC -> Cursors.encode(tag, last.id());
            case UPDATED_AT, UPDATED_AT_DESC -> Cursors.encode(tag, last.updatedAt(), last.id());
            case CREATED_AT, CREATED_AT_DESC -> Cursors.encode(tag, last.createdAt(), last.id());
        };
    }

    /** The sort values of a listed row that its cursor needs. */
    record Row(UUID id, String sortKey, Instant updatedAt, Instant createdAt, float score) {}

    public static TextKind textKind(String q) {
        if (q == null || q.isBlank()) {
            return TextKind.NONE;
        }
        if (EmailAddresses.looksLikeEmail(q)) {
            return TextKind.EMAIL;
        }
        if (PhoneNumbers.looksLikePhone(q)) {
            return TextKind.PHONE;
        }
        return TextKind.NAME;
    }

    public static MemberSort effectiveSort(MemberQuery query, TextKind kind) {
        if (query.sort() == MemberSort.RELEVANCE && kind != TextKind.NAME) {
            throw ValidationException.of("sort", "relevance-needs-name", "relevance order needs a name in q");
        }
        if (query.sort() != null) {
            return query.sort();
        }
        return kind == TextKind.NAME ? MemberSort.RELEVANCE : MemberSort.NAME;
    }

    // The cursor is bound to the query's filters too: a cursor reused with other filters is refused.
    private static String cursorTag(MemberQuery query, TextKind kind, MemberSort sort) {
        String filters = String.join(
                "\u001e",
                String.valueOf(query.q()),
                String.valueOf(query.orgUnitId()),
                query.statuses() == null
                        ? ""
                        : String.join(
                                ",",
                                query.statuses().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList()),
                query.tags() == null
                        ? ""
                        : String.join(",", query.tags().stream().sorted().toList()),
                String.valueOf(query.supportLevelMin()),
                String.valueOf(query.supportLevelMax()),
                String.valueOf(query.consentChannel()),
                String.valueOf(query.updatedSince()),
                String.valueOf(query.notContactedForDays()),
                String.valueOf(query.lastOutcome()),
                String.valueOf(query.attendedEventId()),
                String.valueOf(query.includeArchived()));
        return "m" + sort.name() + kind.name() + Integer.toHexString(filters.hashCode());
    }

    private static SqlQuery emptyQuery(boolean idsOnly) {
        if (idsOnly) {
            return new SqlQuery("select m.id from member m where false", List.of());
        }
        return new SqlQuery("select " + COLUMNS + ", null::real as score from member m where false", List.of());
    }

    private static float parseFloat(String s) {
        try {
            return Float.parseFloat(s);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static UUID uuid(String s) {
        return Ids.parse(s).orElseThrow(MemberSearch::invalidCursor);
    }

    private static ValidationException invalidCursor() {
        return ValidationException.of("cursor", "invalid-cursor", "the cursor is not one of this list; start again");
    }
}
