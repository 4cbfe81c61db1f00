package io.roster.impl.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Knowledge-base matching over a knowledge base of realistic size: 1,500 entries with about 6,000 question variants
 * in Russian and Ukrainian. The candidate query must find its rows through the GIN indexes (full-text and
 * trigram), never by reading every variant, and the service's scoring must put the right entry first.
 */
class KnowledgePlanTest {
    static final int ENTRIES = 1500;
    static final String UNIT = "00000000-0000-7000-8000-000000000000";
    static EmbeddedPostgres pg;

    static final String[] TOPICS_RU = {
        "уплатить членский взнос", "получить партийный билет", "записаться на обучение актива",
        "изменить адрес в профиле", "найти приёмную отделения", "стать наблюдателем на выборах",
        "пригласить друга в партию", "организовать встречу во дворе", "подать жалобу на сотрудника",
        "узнать расписание собраний"
    };
    static final String[] TOPICS_UK = {
        "сплатити членський внесок", "отримати партійний квиток", "записатися на навчання активу",
        "змінити адресу в профілі", "знайти приймальню осередку", "стати спостерігачем на виборах",
        "запросити друга до партії", "організувати зустріч у дворі", "подати скаргу на працівника",
        "дізнатися розклад зборів"
    };

    @BeforeAll
    static void generate() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        new FlywaySchemaMigrator().migrate(pg.getPostgresDatabase());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " values ('" + UNIT + "', 'ROOT', 'Root', 'NATIONAL', null, 'r', now(), now(), 0)");
            s.execute("insert into kb_entry (id, org_unit_id, answers, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid,"
                    + " case when n % 3 = 0 then null else '" + UNIT + "'::uuid end,"
                    + " jsonb_build_object('ru', 'Ответ ' || n), now(), now(), 0"
                    + " from generate_series(0, " + (ENTRIES - 1) + ") n");
            // A vocabulary of 4,000 Cyrillic words (letters from md5); each variant is a question word and four of
            // them, the first 10 entries are the real topics above, in Russian and in Ukrainian.
            s.execute("create temporary table vocab as select k, translate(substr(md5(k::text), 1, 9),"
                    + " '0123456789abcdef', 'абвгдежзиклмнопр') w from generate_series(0, 3999) k");
            s.execute("insert into kb_question (id, entry_id, position, language, text)"
                    + " select gen_random_uuid(), ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, v,"
                    + " case when v % 2 = 1 then 'uk' else 'ru' end,"
                    + " case when v % 2 = 1 then 'Як ' else 'Как ' end"
                    + " || (select w from vocab where k = (n * 7 + v * 13) % 4000) || ' '"
                    + " || (select w from vocab where k = (n * 31 + v * 17 + 1) % 4000) || ' '"
                    + " || (select w from vocab where k = (n * 101 + v * 5 + 2) % 4000) || ' '"
                    + " || (select w from vocab where k = (n * 53 + v * 3 + 3) % 4000) || '?'"
                    + " from generate_series(10, " + (ENTRIES - 1) + ") n, generate_series(0, 3) v");
            String ru = array(TOPICS_RU);
            String uk = array(TOPICS_UK);
            s.execute("insert into kb_question (id, entry_id, position, language, text)"
                    + " select gen_random_uuid(), ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, v,"
                    + " case v when 0 then 'ru' else 'uk' end,"
                    + " case v when 0 then 'Как ' || (" + ru + ")[n + 1] || '?' else 'Як ' || (" + uk
                    + ")[n + 1] || '?' end from generate_series(0, 9) n, generate_series(0, 1) v");
            // as autovacuum would: GIN's pending list of a bulk insert is merged into the index
            s.execute("vacuum analyze kb_question");
            s.execute("analyze");
            try (ResultSet rs = s.executeQuery("select count(*) from kb_question")) {
                rs.next();
                assertEquals((ENTRIES - 10) * 4L + 20, rs.getLong(1));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static String array(String[] values) {
        StringBuilder b = new StringBuilder("array[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('\'').append(values[i]).append('\'');
        }
        return b.append("]").toString();
    }

    String plan(String text) throws Exception {
        String tsQuery = String.join(" | ", KnowledgeScorer.words(text));
        try (Connection c = pg.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "explain (analyze, costs off) " + KnowledgeSql.jdbc(KnowledgeSql.CANDIDATES))) {
            String folded = text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
            Object[] params = {
                folded, tsQuery, tsQuery, tsQuery, folded, "{" + UNIT + "}", tsQuery, tsQuery, tsQuery, folded
            };
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, (String) params[i]);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void candidatesComeFromTheIndexesNotAScanOfEveryVariant() throws Exception {
        for (String q : List.of(
                "Как уплатить членский взнос?",
                "Як сплатити членський внесок",
                "how do I pay membership dues",
                "уплатит членскый взнос")) {
            String plan = plan(q);
            assertFalse(plan.contains("Seq Scan on kb_question"), q + "\n" + plan);
            assertTrue(plan.contains("kb_question_simple_idx"), q + "\n" + plan);
            assertTrue(plan.contains("kb_question_trgm_idx"), q + "\n" + plan);
        }
    }

    @Test
    void theRightEntryComesFirstAmongThousandsOfSimilarOnes() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            assertEquals(0, best(c, "Как уплатить членский взнос?"));
            assertEquals(0, best(c, "Як сплатити членський внесок"));
            assertEquals(1, best(c, "як отримати партійний квиток"));
            assertEquals(3, best(c, "поменять адрес в профиле"));
            assertEquals(9, best(c, "розклад зборів"));
        }
    }

    static int best(Connection c, String text) throws Exception {
        KnowledgeScorer.Query q;
        String folded;
        try (PreparedStatement ps = c.prepareStatement(KnowledgeSql.QUERY_LEXEMES)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, text);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                q = new KnowledgeScorer.Query(
                        List.of((String[]) rs.getArray(1).getArray()),
                        List.of((String[]) rs.getArray(2).getArray()),
                        List.of((String[]) rs.getArray(3).getArray()));
                folded = rs.getString(4);
            }
        }
        List<KnowledgeScorer.Scored> ranked = KnowledgeScorer.rank(
                q,
                KnowledgeMatcher.candidates(
                        c, String.join(" | ", KnowledgeScorer.words(text)), folded, "{" + UNIT + "}"));
        UUID id = ranked.get(0).entryId();
        return Integer.parseInt(id.toString().substring(24));
    }
}
