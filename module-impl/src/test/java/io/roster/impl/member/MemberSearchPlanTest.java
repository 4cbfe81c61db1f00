package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.PageRequest;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.roster.impl.security.Access;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member list queries against a realistic table of 120,000 members: every one must be answered from indexes.
 * A plan that falls back to a sequential scan of {@code member} or {@code member_contact} fails the test, because
 * its cost would grow with the table instead of the page.
 */
class MemberSearchPlanTest {
    static final int MEMBERS = 120_000;
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (member|member_contact)(\\s|$)");

    static EmbeddedPostgres pg;
    static String regionPath;
    static String districtPath;
    static final PhoneNumbers PHONES = new PhoneNumbers("RU");

    @BeforeAll
    static void generate() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        new FlywaySchemaMigrator().migrate(pg.getPostgresDatabase());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // 1 root, 50 regions, 10 districts each; labels are arbitrary ltree labels.
            s.execute(
                    "insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                            + " values ('00000000-0000-7000-8000-000000000000', 'ROOT', 'Root', 'NATIONAL', null, 'r', now(), now(), 0)");
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid, 'R' || g, 'Region ' || g,"
                    + " 'REGION', '00000000-0000-7000-8000-000000000000', ('r.g' || g)::ltree, now(), now(), 0"
                    + " from generate_series(1, 50) g");
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-9000-' || lpad((g * 100 + d)::text, 12, '0'))::uuid,"
                    + " 'D' || g || '-' || d, 'District ' || g || '-' || d, 'DISTRICT',"
                    + " ('00000000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid, ('r.g' || g || '.d' || d)::ltree,"
                    + " now(), now(), 0 from generate_series(1, 50) g, generate_series(1, 10) d");
            s.execute("create temporary table fam(i int, f text)");
            s.execute("insert into fam select i, 'surname' || i from generate_series(0, 399) i");
            s.execute("update fam set f = 'Сутягин' where i = 7");
            s.execute("create temporary table giv(i int, g text)");
            s.execute("insert into giv select i, 'given' || i from generate_series(0, 99) i");
            s.execute("insert into member (id, org_unit_id, given_name, family_name, preferred_language, status,"
                    + " support_level, tags, search_key, sort_key, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-a000-' || lpad(n::text, 12, '0'))::uuid,"
                    + " ('00000000-0000-7000-9000-' || lpad(((n % 50 + 1) * 100 + (n / 50) % 10 + 1)::text, 12, '0'))::uuid,"
                    + " giv.g, fam.f, 'RU', (array['PROSPECT','SUPPORTER','VOLUNTEER','MEMBER'])[n % 4 + 1],"
                    + " (n % 5 + 1)::smallint, case when n % 97 = 0 then array['агитатор'] else '{}' end,"
                    + " case when fam.i = 7 then 'sutiagin ' || giv.g || ' | sutiahin ' || giv.g"
                    + "      else fam.f || ' ' || giv.g || ' x' || (n % 1000) end,"
                    + " lower(fam.f || ' ' || giv.g), now() - (n || ' minutes')::interval,"
                    + " now() - (n || ' minutes')::interval, 0"
                    + " from generate_series(1, " + MEMBERS + ") n"
                    + " join fam on fam.i = n % 400 join giv on giv.i = (n / 400) % 100");
            s.execute("insert into member_contact (id, member_id, kind, position, value, lookup, is_primary, status)"
                    + " select gen_random_uuid(), m.id, 'PHONE', 0, '+7913' || lpad(right(m.id::text, 7), 7, '0'),"
                    + " '+7913' || lpad(right(m.id::text, 7), 7, '0'), true, 'ACTIVE' from member m");
            s.execute("insert into member_contact (id, member_id, kind, position, value, lookup, is_primary, status)"
                    + " select gen_random_uuid(), m.id, 'EMAIL', 0, 'user' || right(m.id::text, 7) || '@example.org',"
                    + " 'user' || right(m.id::text, 7) || '@example.org', true, 'ACTIVE' from member m");
            s.execute(
                    "insert into member_consent (member_id, channel, granted, recorded_at, recorded_by)"
                            + " select id, 'EMAIL', true, now(), 'test' from member where right(id::text, 1) in ('1', '2', '3')");
            s.execute("analyze");
        }
        regionPath = "r.g8"; // the Сутягины (n % 400 == 7) live in region n % 50 + 1 == 8
        districtPath = "r.g7.d3";
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void fuzzyNameSearchUsesTheTrigramIndex() throws Exception {
        assertIndexed(query("Sutyagin", null, null, null, null, null, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void cyrillicNameSearchUsesTheTrigramIndex() throws Exception {
        assertIndexed(query("Сутягин", null, null, null, null, null, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void phoneSearchUsesTheContactLookupIndex() throws Exception {
        assertIndexed(query("+7 913 000-00-42", null, null, null, null, null, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void emailSearchUsesTheContactLookupIndex() throws Exception {
        assertIndexed(
                query("user0000042@example.org", null, null, null, null, null, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void firstPageByNameUsesTheSortIndex() throws Exception {
        assertIndexed(query(null, null, null, null, null, MemberSort.NAME, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void deepPageByNameUsesTheSortIndex() throws Exception {
        String cursor = cursorFor(
                query(null, null, null, null, null, MemberSort.NAME, null),
                "surname300 given50",
                "00000000-0000-7000-a000-000000050000");
        assertIndexed(query(null, null, null, null, null, MemberSort.NAME, cursor), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void tagFilterIsIndexed() throws Exception {
        assertIndexed(query(null, Set.of("агитатор"), null, null, null, null, null), Access.Scope.UNRESTRICTED, null);
    }

    @Test
    void statusAndConsentFiltersAreIndexed() throws Exception {
        assertIndexed(
                query(null, null, Set.of(MemberStatus.MEMBER), ContactChannel.EMAIL, null, null, null),
                Access.Scope.UNRESTRICTED,
                null);
    }

    @Test
    void recentlyUpdatedIsIndexed() throws Exception {
        assertIndexed(
                query(null, null, null, null, Instant.now().minusSeconds(3600), MemberSort.UPDATED_AT_DESC, null),
                Access.Scope.UNRESTRICTED,
                null);
    }

    @Test
    void subtreeOfADistrictIsIndexed() throws Exception {
        assertIndexed(query(null, null, null, null, null, null, null), Access.Scope.UNRESTRICTED, districtPath);
    }

    @Test
    void restrictedScopeIsIndexed() throws Exception {
        assertIndexed(
                query("Sutyagin", null, null, null, null, null, null),
                new Access.Scope(false, List.of(regionPath)),
                null);
        assertIndexed(
                query(null, null, null, null, null, null, null), new Access.Scope(false, List.of(regionPath)), null);
    }

    private static MemberQuery query(
            String q,
            Set<String> tags,
            Set<MemberStatus> statuses,
            ContactChannel consent,
            Instant updatedSince,
            MemberSort sort,
            String cursor) {
        return new MemberQuery(
                q,
                null,
                statuses,
                tags,
                null,
                null,
                consent,
                updatedSince,
                null,
                null,
                null,
                false,
                sort,
                new PageRequest(50, cursor));
    }

    private static String cursorFor(MemberQuery q, String sortKey, String id) {
        return MemberSearch.nextCursor(
                q,
                MemberSort.NAME,
                MemberSearch.TextKind.NONE,
                new MemberSearch.Row(java.util.UUID.fromString(id), sortKey, Instant.now(), Instant.now(), 0f));
    }

    @Test
    void nameSortedListOfADistrictIsReadUnitByUnitAndAgreesWithTheWholeSort() throws Exception {
        MemberQuery first = query(
                null, null, Set.of(MemberStatus.VOLUNTEER, MemberStatus.PROSPECT), null, null, MemberSort.NAME, null);
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            assertTrue(MemberSearch.perUnitApplies(c, first, Access.Scope.UNRESTRICTED, districtPath));
            assertFalse(
                    MemberSearch.perUnitApplies(c, first, Access.Scope.UNRESTRICTED, null),
                    "the whole organisation is not read unit by unit");
            List<String> perUnit = ids(
                    c, MemberSearch.build(first, Access.Scope.UNRESTRICTED, districtPath, PHONES, Instant.now(), true));
            List<String> whole = ids(
                    c,
                    MemberSearch.build(first, Access.Scope.UNRESTRICTED, districtPath, PHONES, Instant.now(), false));
            assertEquals(whole, perUnit, "same page, same order");
            assertEquals(51, perUnit.size());
            // The next page from the 50th row, both ways.
            MemberQuery second = query(
                    null,
                    null,
                    Set.of(MemberStatus.VOLUNTEER, MemberStatus.PROSPECT),
                    null,
                    null,
                    MemberSort.NAME,
                    cursorFor(first, "", perUnit.get(49)));
            assertEquals(
                    ids(
                            c,
                            MemberSearch.build(
                                    second, Access.Scope.UNRESTRICTED, districtPath, PHONES, Instant.now(), false)),
                    ids(
                            c,
                            MemberSearch.build(
                                    second, Access.Scope.UNRESTRICTED, districtPath, PHONES, Instant.now(), true)));
        }
        String plan = assertIndexed(first, Access.Scope.UNRESTRICTED, districtPath);
        assertTrue(plan.contains("member_org_sort_idx"), "per-unit walk of the sort index expected:\n" + plan);
    }

    private static List<String> ids(Connection c, SqlQuery sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString("id"));
            }
        }
        return out;
    }

    private static String assertIndexed(MemberQuery q, Access.Scope scope, String subtree) throws Exception {
        StringBuilder plan = new StringBuilder();
        SqlQuery sql;
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            // The same choice the service makes.
            sql = MemberSearch.build(
                    q, scope, subtree, PHONES, Instant.now(), MemberSearch.perUnitApplies(c, q, scope, subtree));
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('pg_trgm.word_similarity_threshold', '0.5', false)");
            }
            try (PreparedStatement ps = sql.prepare(c, "explain " + sql.sql());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            int rows = 0;
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertTrue(rows > 0, "the query should find something in the generated data:\n" + sql.sql());
        }
        assertFalse(SEQ_SCAN.matcher(plan).find(), "sequential scan in plan:\n" + plan + "\nfor\n" + sql.sql());
        return plan.toString();
    }
}
