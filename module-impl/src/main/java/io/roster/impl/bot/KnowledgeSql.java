package io.roster.impl.bot;

/**
 * The SQL of knowledge-base matching, kept here so {@code KnowledgePlanTest} explains exactly what runs. Candidates
 * are variants whose lexemes share a word with the question under any configuration (GIN on each tsvector) or whose
 * text holds a trigram-similar extent (GIN trigram index, {@code <%}), each found by its own index scan; their union
 * is ranked and cut at 50 before the scorer looks at them.
 */
final class KnowledgeSql {
    private KnowledgeSql() {}

    /** The asked text's lexemes: parameter 1 the text. */
    static final String QUERY_LEXEMES = "select tsvector_to_array(to_tsvector('russian'::regconfig, ?)),"
            + " tsvector_to_array(to_tsvector('english'::regconfig, ?)),"
            + " tsvector_to_array(to_tsvector('simple'::regconfig, ?)),"
            + " lower(translate(?, 'Ёё', 'Ее') collate \"und-x-icu\")";

    /**
     * Candidates. Parameters: the OR-query of words (1–3), the folded text (4), the unit ids whose entries count
     * besides organisation-wide ones as a uuid[] literal (5), the OR-query again (6–8) and the folded text (9).
     */
    static final String CANDIDATES = "select v.entry_id, v.text, tsvector_to_array(v.tsv_ru),"
            + " tsvector_to_array(v.tsv_en), tsvector_to_array(v.tsv_simple), similarity(v.norm, ?4)"
            + " from kb_question v join kb_entry e on e.id = v.entry_id"
            // one branch per index: an OR of the four would be planned as one sequential scan
            + " where v.id in (select q.id from kb_question q where q.tsv_ru @@ to_tsquery('russian'::regconfig, ?1)"
            + " union select q.id from kb_question q where q.tsv_en @@ to_tsquery('english'::regconfig, ?2)"
            + " union select q.id from kb_question q where q.tsv_simple @@ to_tsquery('simple'::regconfig, ?3)"
            + " union select q.id from kb_question q where ?4 <% q.norm)"
            + " and e.deleted_at is null"
            + " and (e.org_unit_id is null or e.org_unit_id = any(cast(?5 as uuid[])))"
            + " order by greatest(ts_rank(v.tsv_ru, to_tsquery('russian'::regconfig, ?6)),"
            + " ts_rank(v.tsv_en, to_tsquery('english'::regconfig, ?7)),"
            + " ts_rank(v.tsv_simple, to_tsquery('simple'::regconfig, ?8)), similarity(v.norm, ?9)) desc, v.id"
            + " limit 50";

    /** {@link #CANDIDATES} with JDBC's plain placeholders. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }
}
