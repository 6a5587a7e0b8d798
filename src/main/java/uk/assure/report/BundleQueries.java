package uk.assure.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an evidence bundle reads: a plan's findings, the actions answering each, their updates and the evidence files
 * given with them. Every query is scoped to the partnership and the plan; one query per level, never one per row.
 */
@Repository
class BundleQueries {

    private final JdbcClient jdbc;

    BundleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Plan(long id, String externalId, String title) {}

    record Finding(long id, String externalId, String ref, String text) {}

    record Action(long findingId, long id, String ref, String text, String status) {}

    record Update(long actionId, long id, Instant at, String author, String narrative) {}

    record File(long updateId, String externalId, String name, long size) {}

    Optional<Plan> plan(long partnershipId, String planId) {
        return jdbc.sql("SELECT id, external_id, title FROM plan WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, planId)
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The plan's findings in the plan's order: by section, then by their place in it. */
    List<Finding> findings(long partnershipId, long planId) {
        return jdbc.sql("""
                SELECT f.id, f.external_id, f.ref, f.text FROM finding f LEFT JOIN section s ON s.id = f.section_id
                WHERE f.partnership_id = ? AND f.plan_id = ?
                ORDER BY s.position NULLS FIRST, f.position, f.id""")
                .params(partnershipId, planId)
                .query((rs, n) -> new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    List<Action> actions(long partnershipId, Long[] findingIds) {
        return jdbc.sql("""
                SELECT af.finding_id, a.id, a.ref, a.text, a.status FROM action_finding af
                JOIN action a ON a.partnership_id = af.partnership_id AND a.id = af.action_id
                WHERE af.partnership_id = ? AND af.finding_id = ANY (?)
                ORDER BY a.position, a.id""")
                .params(partnershipId, findingIds)
                .query((rs, n) ->
                        new Action(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    List<Update> updates(long partnershipId, Long[] actionIds) {
        return jdbc.sql("""
                SELECT action_id, id, recorded_at, author_name, narrative FROM progress_update
                WHERE partnership_id = ? AND action_id = ANY (?) ORDER BY recorded_at, id""")
                .params(partnershipId, actionIds)
                .query((rs, n) -> new Update(
                        rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    List<File> files(long partnershipId, Long[] updateIds) {
        return jdbc.sql("""
                SELECT update_id, external_id, file_name, size_bytes FROM evidence_file
                WHERE partnership_id = ? AND update_id = ANY (?) ORDER BY id""")
                .params(partnershipId, updateIds)
                .query((rs, n) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    byte[] content(long partnershipId, String fileId) {
        return jdbc.sql("SELECT content FROM evidence_file WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, fileId)
                .query(byte[].class)
                .single();
    }
}
