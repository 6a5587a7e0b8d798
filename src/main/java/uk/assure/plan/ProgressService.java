package uk.assure.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.NotFoundException;

/**
 * Appends progress updates. The update joins the history and the action's derived state moves with it, in one
 * transaction, guarded by the version the author saw.
 */
@Service
public class ProgressService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    ProgressService(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Who is writing: a signed-in user, or (for imported and generated history) a name alone. */
    public record Author(Long userId, String name) {}

    public record Recorded(String externalId, int newVersion) {}

    @Transactional
    public Recorded record(
            long partnershipId, String actionExternalId, int expectedVersion, ProgressEntry entry, Author author) {
        var before = jdbc.sql("SELECT status, current_due_raw FROM action WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> state(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(null);
        Recorded recorded = recordAt(partnershipId, actionExternalId, expectedVersion, entry, author, clock.instant());
        var after = jdbc.sql("SELECT status, current_due_raw FROM action WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> state(rs.getString(1), rs.getString(2)))
                .single();
        // the update itself (narrative and all) is in the history; the event says who changed what on the action
        audit.record(new AuditLog.Event(
                partnershipId,
                author.userId(),
                author.name(),
                "PROGRESS_RECORDED",
                "action",
                actionExternalId,
                before,
                after,
                "update " + recorded.externalId()));
        return recorded;
    }

    private static Map<String, Object> state(String status, String due) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status);
        state.put("due", due);
        return state;
    }

    /** The same, at a given moment: for history brought in from a document or generated for the demo. */
    @Transactional
    public Recorded recordAt(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            ProgressEntry entry,
            Author author,
            Instant at) {
        CurrentRow row = jdbc.sql("""
                SELECT id, version, status, status_word, current_due_raw, current_due_date, current_due_precision,
                       current_due_start, current_due_note
                FROM action WHERE partnership_id = ? AND external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> new CurrentRow(
                        rs.getLong("id"), rs.getInt("version"), ActionStatus.valueOf(rs.getString("status"))))
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        if (row.version() != expectedVersion) {
            throw stale(row.id());
        }
        ProgressValidator.check(row.status(), entry);

        String externalId = ExternalIds.next();
        DueDate revised = entry.revisedDue();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_user_id, author_name,
                    recorded_at, narrative, status_before, status_after, status_word, status_reason,
                    revised_due_raw, revised_due_date, revised_due_precision, revised_due_start, revised_due_note,
                    revision_reason, declared_rag, declared_rag_reason, evidence_url)
                VALUES (:partnership, :action, :externalId, :authorId, :authorName, :at, :narrative, :before, :after,
                    :word, :statusReason, :dueRaw, :dueDate, :duePrecision, :dueStart, :dueNote, :revisionReason,
                    :rag, :ragReason, :evidence)""")
                .param("partnership", partnershipId)
                .param("action", row.id())
                .param("externalId", externalId)
                .param("authorId", author.userId())
                .param("authorName", author.name())
                .param("at", Timestamp.from(at))
                .param("narrative", entry.narrative().strip())
                .param("before", row.status().name())
                .param("after", entry.statusAfter().name())
                .param("word", entry.statusWord())
                .param("statusReason", entry.statusReason())
                .param("dueRaw", revised == null ? null : revised.raw())
                .param("dueDate", revised == null ? null : PlanWriter.sqlDate(revised.date()))
                .param(
                        "duePrecision",
                        revised == null ? null : revised.precision().name())
                .param("dueStart", revised == null ? null : PlanWriter.sqlDate(revised.rangeStart()))
                .param("dueNote", revised == null ? null : revised.note())
                .param("revisionReason", entry.revisionReason())
                .param(
                        "rag",
                        entry.declaredRag() == null ? null : entry.declaredRag().name())
                .param("ragReason", entry.declaredRagReason())
                .param("evidence", entry.evidenceUrl())
                .update();

        int updated = jdbc.sql("""
                UPDATE action SET status = :status, status_word = :word, declared_rag = :rag, declared_rag_reason = :ragReason,
                    last_update_at = :at, version = version + 1,
                    current_due_raw = coalesce(:dueRaw, current_due_raw),
                    current_due_date = CASE WHEN :revised THEN :dueDate ELSE current_due_date END,
                    current_due_precision = coalesce(:duePrecision, current_due_precision),
                    current_due_start = CASE WHEN :revised THEN :dueStart ELSE current_due_start END,
                    current_due_note = CASE WHEN :revised THEN :dueNote ELSE current_due_note END
                WHERE id = :id AND version = :version""")
                .param("status", entry.statusAfter().name())
                .param("word", entry.statusWord())
                .param(
                        "rag",
                        entry.declaredRag() == null ? null : entry.declaredRag().name())
                .param("ragReason", entry.declaredRagReason())
                .param("at", Timestamp.from(at))
                .param("revised", revised != null)
                .param("dueRaw", revised == null ? null : revised.raw())
                .param("dueDate", revised == null ? null : PlanWriter.sqlDate(revised.date()))
                .param(
                        "duePrecision",
                        revised == null ? null : revised.precision().name())
                .param("dueStart", revised == null ? null : PlanWriter.sqlDate(revised.rangeStart()))
                .param("dueNote", revised == null ? null : revised.note())
                .param("id", row.id())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            // Someone committed between our read and our write; the transaction rolls back the insert too.
            throw stale(row.id());
        }
        return new Recorded(externalId, expectedVersion + 1);
    }

    /** An update with a file as evidence, kept with it: both are saved, or neither. */
    @Transactional
    public Recorded record(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            ProgressEntry entry,
            Author author,
            EvidenceFile file) {
        Recorded recorded = record(partnershipId, actionExternalId, expectedVersion, entry, author);
        if (file != null) {
            jdbc.sql("""
                    INSERT INTO evidence_file (partnership_id, update_id, external_id, file_name, content_type, size_bytes,
                        content, created_at)
                    SELECT partnership_id, id, ?, ?, ?, ?, ?, ? FROM progress_update WHERE partnership_id = ? AND external_id = ?""")
                    .params(
                            ExternalIds.next(),
                            file.fileName(),
                            file.contentType(),
                            file.content().length,
                            file.content(),
                            Timestamp.from(clock.instant()),
                            partnershipId,
                            recorded.externalId())
                    .update();
        }
        return recorded;
    }

    /** A file given as evidence, if it belongs to this partnership. */
    @Transactional(readOnly = true)
    public Optional<EvidenceFile> evidence(long partnershipId, String externalId) {
        return jdbc.sql(
                        "SELECT file_name, content_type, content FROM evidence_file WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, externalId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** The plan whose action's history holds the file (its external id), for deciding who may download it. */
    public Optional<String> planOfEvidence(long partnershipId, String externalId) {
        return jdbc.sql("""
                SELECT p.external_id FROM evidence_file f
                JOIN progress_update u ON u.partnership_id = f.partnership_id AND u.id = f.update_id
                JOIN action a ON a.partnership_id = u.partnership_id AND a.id = u.action_id
                JOIN plan p ON p.partnership_id = a.partnership_id AND p.id = a.plan_id
                WHERE f.partnership_id = ? AND f.external_id = ?""")
                .params(partnershipId, externalId)
                .query(String.class)
                .optional();
    }

    /** What is wrong with an entry, field by field, without recording it; empty when it would be accepted. */
    public static List<InvalidProgressException.FieldError> problems(ActionStatus current, ProgressEntry entry) {
        try {
            ProgressValidator.check(current, entry);
            return List.of();
        } catch (InvalidProgressException e) {
            return e.errors();
        }
    }

    private StaleActionException stale(long actionId) {
        return jdbc.sql("""
                SELECT author_name, recorded_at FROM progress_update WHERE action_id = ?
                ORDER BY recorded_at DESC, id DESC LIMIT 1""")
                .param(actionId)
                .query((rs, n) -> new StaleActionException(
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional()
                .orElseGet(() -> new StaleActionException("someone else", null));
    }

    private record CurrentRow(long id, int version, ActionStatus status) {}
}
