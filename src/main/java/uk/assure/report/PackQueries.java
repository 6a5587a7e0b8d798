package uk.assure.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a pack reads from the history beyond each action's current state (which {@code plan.Worklists} gives): the
 * latest update, the revisions and their reasons, what was added since a snapshot, and the evidence of impact. Each
 * is one query over the pack's plans, never one per action.
 */
@Repository
class PackQueries {

    private final JdbcClient jdbc;

    PackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Latest(String narrative, Instant at) {}

    /** A revision of the due date that came into force, with the update's id (to tell those since a snapshot). */
    record Revision(long updateId, Instant at, LocalDate to, String reason) {}

    record Since(int count, Instant latest) {}

    record Finding(String planTitle, String ref, String text) {}

    /** An update marked as not for publication, left out of the published version ({@code published} true). */
    private static final String PUBLISHABLE = """
             AND NOT (? AND EXISTS (SELECT 1 FROM publication_hold h WHERE h.update_id = u.id))""";

    Map<String, Latest> latestUpdates(long partnershipId, String[] planIds, boolean published) {
        Map<String, Latest> latest = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (u.action_id) a.external_id, u.narrative, u.recorded_at
                FROM progress_update u JOIN action a ON a.id = u.action_id JOIN plan p ON p.id = a.plan_id
                WHERE u.partnership_id = ? AND p.external_id = ANY (?)""" + PUBLISHABLE + """

                ORDER BY u.action_id, u.recorded_at DESC, u.id DESC""")
                .params(partnershipId, planIds, published)
                .query(rs -> {
                    latest.put(
                            rs.getString(1),
                            new Latest(rs.getString(2), rs.getTimestamp(3).toInstant()));
                });
        return latest;
    }

    /** Every revision in force of the plans' actions, oldest first, by action. */
    /** The reason of a revision whose update is not for publication is left out of the published version. */
    Map<String, List<Revision>> revisions(long partnershipId, String[] planIds, boolean published) {
        Map<String, List<Revision>> revisions = new HashMap<>();
        jdbc.sql("""
                SELECT a.external_id, u.id, u.recorded_at, u.revised_due_date,
                       CASE WHEN ? AND EXISTS (SELECT 1 FROM publication_hold h WHERE h.update_id = u.id)
                            THEN NULL ELSE u.revision_reason END
                FROM progress_update u JOIN action a ON a.id = u.action_id JOIN plan p ON p.id = a.plan_id
                WHERE u.partnership_id = ? AND p.external_id = ANY (?) AND u.revised_due_precision IS NOT NULL
                  AND (u.step IS NULL OR u.step = 'REVISION_ACCEPTED')
                ORDER BY u.id""").params(published, partnershipId, planIds).query(rs -> {
            revisions
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Revision(
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getObject(4, LocalDate.class),
                            rs.getString(5)));
        });
        return revisions;
    }

    /**
     * The updates each action has had since the snapshot: past its mark, or all of them for an action added since.
     * Only the plans the snapshot covers are asked for.
     */
    Map<String, Since> updatesSince(long partnershipId, long snapshotId, String[] planIds) {
        Map<String, Since> since = new HashMap<>();
        jdbc.sql("""
                SELECT a.external_id, count(*), max(u.recorded_at)
                FROM progress_update u JOIN action a ON a.id = u.action_id JOIN plan p ON p.id = a.plan_id
                LEFT JOIN report_snapshot_action s ON s.snapshot_id = ? AND s.action_id = u.action_id
                WHERE u.partnership_id = ? AND p.external_id = ANY (?) AND u.id > coalesce(s.last_update_id, 0)
                GROUP BY a.external_id""").params(snapshotId, partnershipId, planIds).query(rs -> {
            since.put(
                    rs.getString(1), new Since(rs.getInt(2), rs.getTimestamp(3).toInstant()));
        });
        return since;
    }

    List<Finding> findingsAdded(long partnershipId, long lastFindingId, String[] planIds) {
        return jdbc.sql("""
                SELECT p.title, f.ref, f.text FROM finding f JOIN plan p ON p.id = f.plan_id
                WHERE f.partnership_id = ? AND p.external_id = ANY (?) AND f.id > ?
                ORDER BY p.title, p.id, f.position""")
                .params(partnershipId, planIds, lastFindingId)
                .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Each action's evidence of impact as recorded on it, by action. */
    Map<String, String> evidenceOfImpact(long partnershipId, String[] planIds) {
        Map<String, String> evidence = new HashMap<>();
        jdbc.sql("""
                SELECT a.external_id, a.evidence_of_impact FROM action a JOIN plan p ON p.id = a.plan_id
                WHERE a.partnership_id = ? AND p.external_id = ANY (?) AND a.evidence_of_impact IS NOT NULL""").params(partnershipId, planIds).query(rs -> {
            evidence.put(rs.getString(1), rs.getString(2));
        });
        return evidence;
    }

    static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }
}
