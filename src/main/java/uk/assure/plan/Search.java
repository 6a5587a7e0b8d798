package uk.assure.plan;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Search across one partnership's plans, findings, actions and updates with PostgreSQL full-text search: the
 * words as people type them (quotes for a phrase, "or", "-" to leave out), stemmed, ranked, and each hit with an
 * extract whose matched words are marked. Extracts are escaped here; only the marks are markup.
 */
@Repository
@Transactional(readOnly = true)
class Search {

    private static final String START = "\u0002";
    private static final String STOP = "\u0003";
    private static final String OPTIONS =
            "StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=30, MinWords=12, MaxFragments=2";

    private final JdbcClient jdbc;

    Search(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One thing found: what it is, where it lives, and the extract as safe HTML with {@code <mark>}s. */
    public record Hit(
            String kind,
            String ref,
            String planExternalId,
            String planTitle,
            String actionExternalId,
            String extractHtml,
            double rank) {}

    public List<Hit> search(long partnershipId, String words, int limit) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery('english', :words) AS query,
                                  websearch_to_tsquery('english', :words) && to_tsquery('simple', 'pid' || :p) AS scoped),
                hits AS (
                    SELECT 'PLAN' AS kind, NULL AS ref, p.id AS plan_id, NULL::bigint AS action_id, p.title AS body,
                           ts_rank(p.search, q.query) AS rank
                      FROM plan p, q WHERE p.search @@ q.scoped AND p.partnership_id = :p
                    UNION ALL
                    SELECT 'FINDING', f.ref, f.plan_id, NULL, f.text, ts_rank(f.search, q.query)
                      FROM finding f, q WHERE f.search @@ q.scoped AND f.partnership_id = :p
                    UNION ALL
                    SELECT 'ACTION', a.ref, a.plan_id, a.id,
                           concat_ws(' — ', a.text, a.lead_raw, a.expected_impact, a.evidence_of_impact), ts_rank(a.search, q.query)
                      FROM action a, q WHERE a.search @@ q.scoped AND a.partnership_id = :p
                    UNION ALL
                    SELECT 'UPDATE', a.ref, a.plan_id, a.id, u.narrative, ts_rank(u.search, q.query)
                      FROM progress_update u JOIN action a ON a.id = u.action_id, q
                     WHERE u.search @@ q.scoped AND u.partnership_id = :p
                    ORDER BY rank DESC
                    LIMIT :limit)
                SELECT h.kind, h.ref, p.external_id AS plan_id, p.title AS plan_title, a.external_id AS action_id,
                       ts_headline('english', h.body, q.query, :options) AS extract, h.rank
                  FROM hits h JOIN plan p ON p.id = h.plan_id LEFT JOIN action a ON a.id = h.action_id, q
                 ORDER BY h.rank DESC""")
                .param("words", words.strip())
                .param("p", partnershipId)
                .param("limit", limit)
                .param("options", OPTIONS)
                .query((rs, n) -> new Hit(
                        rs.getString("kind"),
                        rs.getString("ref"),
                        rs.getString("plan_id"),
                        rs.getString("plan_title"),
                        rs.getString("action_id"),
                        marked(rs.getString("extract")),
                        rs.getDouble("rank")))
                .list();
    }

    /** Escapes the extract, then turns the markers PostgreSQL put round matched words into {@code <mark>}. */
    static String marked(String extract) {
        return HtmlUtils.htmlEscape(extract == null ? "" : extract)
                .replace(START, "<mark>")
                .replace(STOP, "</mark>");
    }
}
