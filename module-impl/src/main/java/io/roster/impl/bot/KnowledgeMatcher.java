package io.roster.impl.bot;

import io.roster.impl.bot.KnowledgeScorer.Decision;
import io.roster.impl.bot.KnowledgeScorer.Query;
import io.roster.impl.bot.KnowledgeScorer.Scored;
import io.roster.impl.bot.KnowledgeScorer.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Runs {@link KnowledgeSql} and {@link KnowledgeScorer}: what the knowledge base answers to a question. */
@ApplicationScoped
public class KnowledgeMatcher {
    @PersistenceContext
    EntityManager em;

    @Inject
    BotSettings settings;

    /** The decision and the ranked entries. */
    public record Result(Decision decision, List<Scored> ranked) {
        /** The up to three suggestions. */
        public List<Scored> suggestions(double suggestionThreshold) {
            return KnowledgeScorer.suggestions(ranked, suggestionThreshold);
        }
    }

    /**
     * Matches a question against organisation-wide entries and those of {@code unitIds}.
     *
     * @param unitIds the asker's unit and its ancestors; empty for an unlinked user
     */
    public Result match(String text, Collection<UUID> unitIds) {
        List<String> words = KnowledgeScorer.words(text);
        String tsQuery = String.join(" | ", words);
        String units = unitIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        return em.unwrap(Session.class).doReturningWork(c -> {
            Query q;
            String folded;
            try (PreparedStatement ps = c.prepareStatement(KnowledgeSql.QUERY_LEXEMES)) {
                for (int i = 1; i <= 4; i++) {
                    ps.setString(i, text);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    q = new Query(strings(rs.getArray(1)), strings(rs.getArray(2)), strings(rs.getArray(3)));
                    folded = rs.getString(4);
                }
            }
            List<Variant> variants = candidates(c, tsQuery, folded, units);
            List<Scored> ranked = KnowledgeScorer.rank(q, variants);
            Decision d = KnowledgeScorer.decide(ranked, settings.threshold, settings.suggestionThreshold);
            return new Result(d, ranked);
        });
    }

    static List<Variant> candidates(Connection c, String tsQuery, String folded, String units) throws SQLException {
        List<Variant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(KnowledgeSql.jdbc(KnowledgeSql.CANDIDATES))) {
            // parameters in textual order: ?4 (similarity), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
            ps.setString(1, folded);
            ps.setString(2, tsQuery);
            ps.setString(3, tsQuery);
            ps.setString(4, tsQuery);
            ps.setString(5, folded);
            ps.setString(6, units);
            ps.setString(7, tsQuery);
            ps.setString(8, tsQuery);
            ps.setString(9, tsQuery);
            ps.setString(10, folded);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Variant(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            strings(rs.getArray(3)),
                            strings(rs.getArray(4)),
                            strings(rs.getArray(5)),
                            rs.getDouble(6)));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
