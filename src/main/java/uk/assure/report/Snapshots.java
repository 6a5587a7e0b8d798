package uk.assure.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.Completion;
import uk.assure.plan.Rag;
import uk.assure.plan.Worklists;
import uk.assure.system.ExternalIds;

/**
 * Snapshots: a name, the day of the meeting, the plan (or every plan), and per action a compact row of what the
 * history cannot give back later (its RAG that day) beside the marks that point into the history (its newest update
 * then). Written once; the table refuses a change (V22).
 */
@Repository
class Snapshots {

    private final JdbcClient jdbc;
    private final Clock clock;

    Snapshots(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A snapshot as it is listed and chosen. {@code planExternalId} null: every plan. */
    public record Snapshot(
            long id,
            String externalId,
            String name,
            LocalDate heldOn,
            Instant takenAt,
            String planExternalId,
            String planTitle,
            long lastFindingId) {

        public boolean covers(String planId) {
            return planExternalId == null || planExternalId.equals(planId);
        }

        BoardPack.SnapshotRef ref() {
            return new BoardPack.SnapshotRef(externalId, name, heldOn, takenAt);
        }
    }

    /** An action as the snapshot saw it. */
    record Row(
            ActionStatus status,
            Completion completion,
            Rag rag,
            LocalDate currentDue,
            int revisions,
            long lastUpdateId) {}

    /**
     * Takes a snapshot of the actions given (a plan's, or the partnership's), each with the RAG it has now.
     *
     * @param planId the plan's external id, or null for every plan
     */
    Snapshot take(
            long partnershipId,
            String name,
            LocalDate heldOn,
            String planId,
            Long byUserId,
            List<Worklists.Item> items) {
        String externalId = ExternalIds.next();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO report_snapshot (partnership_id, external_id, name, held_on, taken_at, taken_by, plan_id,
                    last_finding_id)
                VALUES (:partnership, :externalId, :name, :heldOn, :takenAt, :by,
                    (SELECT id FROM plan WHERE partnership_id = :partnership AND external_id = CAST(:plan AS text)),
                    (SELECT coalesce(max(id), 0) FROM finding WHERE partnership_id = :partnership))
                RETURNING id""")
                .param("partnership", partnershipId)
                .param("externalId", externalId)
                .param("name", name.strip())
                .param("heldOn", heldOn)
                .param("takenAt", Timestamp.from(now))
                .param("by", byUserId)
                .param("plan", planId)
                .query(Long.class)
                .single();
        String[] actions = items.stream().map(Worklists.Item::externalId).toArray(String[]::new);
        String[] rags = items.stream().map(i -> i.rag().rag().name()).toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO report_snapshot_action (partnership_id, snapshot_id, action_id, status, completion, rag,
                    current_due_date, revisions, last_update_id)
                SELECT a.partnership_id, :snapshot, a.id, a.status, a.completion, v.rag, a.current_due_date, a.revisions,
                    coalesce((SELECT max(u.id) FROM progress_update u WHERE u.action_id = a.id), 0)
                FROM unnest(CAST(:actions AS text[]), CAST(:rags AS text[])) AS v(external_id, rag)
                JOIN action a ON a.partnership_id = :partnership AND a.external_id = v.external_id""")
                .param("snapshot", id)
                .param("actions", actions)
                .param("rags", rags)
                .param("partnership", partnershipId)
                .update();
        return find(partnershipId, externalId).orElseThrow();
    }

    /** The partnership's snapshots, newest first. */
    List<Snapshot> list(long partnershipId) {
        return jdbc.sql(SELECT + " WHERE s.partnership_id = ? ORDER BY s.taken_at DESC, s.id DESC")
                .param(partnershipId)
                .query((rs, n) -> read(rs))
                .list();
    }

    Optional<Snapshot> find(long partnershipId, String externalId) {
        return jdbc.sql(SELECT + " WHERE s.partnership_id = ? AND s.external_id = ?")
                .params(partnershipId, externalId)
                .query((rs, n) -> read(rs))
                .optional();
    }

    /** The snapshot the last issued pack took of itself: what "since the last board" means. */
    Optional<Snapshot> lastIssued(long partnershipId) {
        return jdbc.sql(SELECT + """
                 JOIN board_pack b ON b.own_snapshot_id = s.id
                WHERE s.partnership_id = ? ORDER BY b.issued_at DESC, b.id DESC LIMIT 1""")
                .param(partnershipId)
                .query((rs, n) -> read(rs))
                .optional();
    }

    /** The snapshot's rows, by the action's external id. */
    Map<String, Row> rows(long partnershipId, long snapshotId) {
        return jdbc
                .sql("""
                SELECT a.external_id, s.status, s.completion, s.rag, s.current_due_date, s.revisions, s.last_update_id
                FROM report_snapshot_action s JOIN action a ON a.id = s.action_id
                WHERE s.partnership_id = ? AND s.snapshot_id = ?""")
                .params(partnershipId, snapshotId)
                .query((rs, n) -> Map.entry(
                        rs.getString(1),
                        new Row(
                                ActionStatus.valueOf(rs.getString(2)),
                                rs.getString(3) == null ? null : Completion.valueOf(rs.getString(3)),
                                Rag.valueOf(rs.getString(4)),
                                rs.getObject(5, LocalDate.class),
                                rs.getInt(6),
                                rs.getLong(7))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String SELECT = """
            SELECT s.id, s.external_id, s.name, s.held_on, s.taken_at, p.external_id AS plan_id, p.title AS plan_title,
                s.last_finding_id
            FROM report_snapshot s LEFT JOIN plan p ON p.id = s.plan_id""";

    private static Snapshot read(ResultSet rs) throws SQLException {
        return new Snapshot(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getObject("held_on", LocalDate.class),
                rs.getTimestamp("taken_at").toInstant(),
                rs.getString("plan_id"),
                rs.getString("plan_title"),
                rs.getLong("last_finding_id"));
    }
}
