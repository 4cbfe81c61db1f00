package io.roster.impl.notification;

import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberStatus;
import io.roster.impl.common.Cursors;
import io.roster.impl.org.UnitTimeZones;
import io.roster.impl.security.Access;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/** JDBC helpers of the notification area: work in the current transaction, scope conditions, time values. */
final class Sql {
    private Sql() {}

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T jdbc(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /**
     * Marks a row of one of the area's soft-deleted tables (templates, segments) deleted and bumps its version.
     *
     * @param table the table, a constant of the caller's, never input
     */
    static void softDelete(EntityManager em, String table, UUID id, Instant at) {
        jdbc(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update " + table + " set deleted_at = ?, version = version + 1 where id = ?")) {
                ps.setObject(1, utc(at));
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** {@code and <unit column> in the scope}, with one parameter (the paths literal) unless unrestricted. */
    static String scope(Access.Scope scope, String unitColumn) {
        if (scope.unrestricted()) {
            return "";
        }
        return " and " + unitColumn + " in (select u.id from org_unit u where u.path <@ cast(? as ltree[]))";
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * A keyset page of a table's rows in scope, newest first by {@code (created_at, id)}: what the template, segment
     * and broadcast lists share.
     *
     * @param from {@code "<table> <alias> where <condition>"}, e.g. {@code "segment s where s.deleted_at is null"}
     * @param alias the table's alias in {@code from}
     * @param kind the cursor's kind, e.g. {@code segments}
     * @param key a row's {@code (created_at, id)}, for the next page's cursor
     */
    static <T> Page<T> newestFirst(
            EntityManager em,
            String from,
            String alias,
            String kind,
            Access.Scope scope,
            PageRequest page,
            RowMapper<T> mapper,
            Function<T, Object[]> key) {
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), kind, 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        Instant at = afterAt;
        UUID after = afterId;
        List<T> rows = jdbc(em, c -> {
            String sql = "select " + alias + ".* from " + from
                    + (after == null ? "" : " and (" + alias + ".created_at, " + alias + ".id) < (?, ?)")
                    + scope(scope, alias + ".org_unit_id")
                    + " order by " + alias + ".created_at desc, " + alias + ".id desc limit ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (after != null) {
                    ps.setObject(i++, utc(at));
                    ps.setObject(i++, after);
                }
                if (!scope.unrestricted()) {
                    ps.setString(i++, scope.pathsLiteral());
                }
                ps.setInt(i, page.limit() + 1);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            Object[] last = key.apply(rows.get(rows.size() - 1));
            next = Cursors.encode(kind, last);
        }
        return new Page<>(rows, next);
    }

    /**
     * The facts about recipients the dispatcher and the preview need, in one statement.
     *
     * @param defaultZone the zone of units that inherit none
     */
    static Map<UUID, Recipient> recipients(Connection c, List<UUID> ids, ZoneId defaultZone) throws SQLException {
        Map<UUID, Recipient> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select m.id, m.given_name, m.patronymic, m.family_name,"
                + " m.preferred_language, m.status, m.membership_number, u.name as unit_name,"
                + " m.archived_at is not null as archived, m.merged_into_id is not null as merged,"
                + " m.do_not_contact, array(select mc.channel from member_consent mc where mc.member_id = m.id"
                + " and mc.granted) as consents,"
                + " (select x.value from member_contact x where x.member_id = m.id and x.kind = 'EMAIL'"
                + " and x.status = 'ACTIVE' order by x.is_primary desc, x.position limit 1) as email,"
                + " (select x.value from member_contact x where x.member_id = m.id and x.kind = 'PHONE'"
                + " and x.status = 'ACTIVE' order by x.is_primary desc, x.position limit 1) as phone,"
                + " (select t.chat_id from member_telegram_chat t where t.member_id = m.id) as chat_id, "
                + UnitTimeZones.nearest("u.path") + " as zone"
                + " from member m join org_unit u on u.id = m.org_unit_id where m.id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    long chat = rs.getLong("chat_id");
                    Long chatId = rs.wasNull() ? null : chat;
                    String zone = rs.getString("zone");
                    ZoneId z = defaultZone;
                    if (zone != null) {
                        try {
                            z = ZoneId.of(zone);
                        } catch (RuntimeException e) {
                            z = defaultZone;
                        }
                    }
                    Language lang = Language.valueOf(rs.getString("preferred_language"));
                    out.put(
                            id,
                            new Recipient(
                                    id,
                                    rs.getString("given_name"),
                                    rs.getString("patronymic"),
                                    rs.getString("family_name"),
                                    lang,
                                    MemberStatus.valueOf(rs.getString("status")),
                                    rs.getString("membership_number"),
                                    rs.getString("unit_name"),
                                    rs.getBoolean("archived"),
                                    rs.getBoolean("merged"),
                                    channels(rs.getArray("do_not_contact")),
                                    channels(rs.getArray("consents")),
                                    rs.getString("email"),
                                    rs.getString("phone"),
                                    chatId,
                                    z));
                }
            }
        }
        return out;
    }

    static Set<ContactChannel> channels(Array a) throws SQLException {
        EnumSet<ContactChannel> s = EnumSet.noneOf(ContactChannel.class);
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                try {
                    s.add(ContactChannel.valueOf(o.toString()));
                } catch (IllegalArgumentException ignored) {
                    // a channel this version does not know is not one it can send on
                }
            }
        }
        return s;
    }
}
