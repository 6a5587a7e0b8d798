package uk.assure.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.Message;
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

    /**
     * An update by a signed-in person, under the partnership's rules: a new due date is a request until accepted
     * (unless the partnership takes revisions as recorded), and marking the action completed is a claim, with its
     * evidence when the partnership asks for it, until someone else signs it off.
     */
    @Transactional
    public Recorded record(
            long partnershipId, String actionExternalId, int expectedVersion, ProgressEntry entry, Author author) {
        return record(partnershipId, actionExternalId, expectedVersion, entry, author, (EvidenceFile) null);
    }

    private Recorded recordUnderRules(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            ProgressEntry entry,
            Author author,
            boolean hasFile) {
        Rules rules = jdbc.sql(
                        "SELECT revisions_need_acceptance, completion_needs_evidence FROM partnership WHERE id = ?")
                .param(partnershipId)
                .query((rs, n) -> new Rules(rs.getBoolean(1), rs.getBoolean(2), false, hasFile))
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        var before = auditState(partnershipId, actionExternalId);
        Written written =
                write(partnershipId, actionExternalId, expectedVersion, entry, author, clock.instant(), rules);
        // the update itself (narrative and all) is in the history; the event says who changed what on the action
        audit.record(new AuditLog.Event(
                partnershipId,
                author.userId(),
                author.name(),
                written.step() == null ? "PROGRESS_RECORDED" : written.step().name(),
                "action",
                actionExternalId,
                before,
                auditState(partnershipId, actionExternalId),
                "update " + written.recorded().externalId()));
        return written.recorded();
    }

    /** What the audit log keeps of the action before and after a step. */
    Map<String, Object> auditState(long partnershipId, String actionExternalId) {
        return jdbc.sql("""
                SELECT status, current_due_raw, completion, requested_due_raw, revisions, off_track_since, impact_evidenced
                FROM action WHERE partnership_id = ? AND external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("status", rs.getString(1));
                    state.put("due", rs.getString(2));
                    state.put("completion", rs.getString(3));
                    state.put("requestedDue", rs.getString(4));
                    state.put("revisions", rs.getInt(5));
                    state.put("offTrackSince", rs.getString(6));
                    state.put("impactEvidenced", rs.getObject(7));
                    return state;
                })
                .optional()
                .orElse(null);
    }

    /**
     * The same, at a given moment: for history brought in from a document or generated for the demo. What the
     * document says is taken as recorded: its new dates are in force and its "Completed" is signed off.
     */
    @Transactional
    public Recorded recordAt(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            ProgressEntry entry,
            Author author,
            Instant at) {
        return write(
                        partnershipId,
                        actionExternalId,
                        expectedVersion,
                        entry,
                        author,
                        at,
                        new Rules(false, false, true, false))
                .recorded();
    }

    /**
     * @param revisionsNeedAcceptance a new due date waits for an admin or the oversight body
     * @param completionNeedsEvidence marking an action completed needs a link or a file
     * @param asRecorded history from a document or the demo: completion is confirmed, dates accepted
     * @param hasFile a file comes with the update as its evidence
     */
    private record Rules(
            boolean revisionsNeedAcceptance, boolean completionNeedsEvidence, boolean asRecorded, boolean hasFile) {}

    private record Written(Recorded recorded, UpdateStep step) {}

    private Written write(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            ProgressEntry entry,
            Author author,
            Instant at,
            Rules rules) {
        CurrentRow row = jdbc.sql("""
                SELECT id, version, status, off_track_since FROM action WHERE partnership_id = ? AND external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> new CurrentRow(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        ActionStatus.valueOf(rs.getString("status")),
                        rs.getDate("off_track_since") == null
                                ? null
                                : rs.getDate("off_track_since").toLocalDate()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        if (row.version() != expectedVersion) {
            throw stale(row.id());
        }
        ProgressValidator.check(row.status(), entry);
        boolean claim = entry.statusAfter() == ActionStatus.COMPLETED && row.status() != ActionStatus.COMPLETED;
        if (!rules.asRecorded()) {
            signOffRules(entry, claim, rules);
        }

        DueDate revised = entry.revisedDue();
        boolean request = revised != null && rules.revisionsNeedAcceptance() && !rules.asRecorded();
        boolean applied = revised != null && !request;
        UpdateStep step = claim && !rules.asRecorded()
                ? UpdateStep.COMPLETION_CLAIMED
                : request ? UpdateStep.REVISION_REQUESTED : null;
        boolean behind = entry.behind();
        LocalDate day = at.atZone(clock.getZone()).toLocalDate();
        // a word that says "behind" is dropped when the lead says it is on track, so the two never disagree
        String word = !behind && StatusVocabulary.isOffTrack(entry.statusWord()) ? null : entry.statusWord();

        String externalId = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_user_id, author_name,
                    recorded_at, narrative, status_before, status_after, status_word, status_reason,
                    revised_due_raw, revised_due_date, revised_due_precision, revised_due_start, revised_due_note,
                    revision_reason, declared_rag, declared_rag_reason, evidence_url, step, off_track)
                VALUES (:partnership, :action, :externalId, :authorId, :authorName, :at, :narrative, :before, :after,
                    :word, :statusReason, :dueRaw, :dueDate, :duePrecision, :dueStart, :dueNote, :revisionReason,
                    :rag, :ragReason, :evidence, :step, :offTrack)""")
                .param("partnership", partnershipId)
                .param("action", row.id())
                .param("externalId", externalId)
                .param("authorId", author.userId())
                .param("authorName", author.name())
                .param("at", Timestamp.from(at))
                .param("narrative", entry.narrative().strip())
                .param("before", row.status().name())
                .param("after", entry.statusAfter().name())
                .param("word", word)
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
                .param("step", step == null ? null : step.name())
                .param("offTrack", entry.statusAfter().isDone() ? null : behind)
                .update();

        String completion = entry.statusAfter() != ActionStatus.COMPLETED
                ? null
                : claim ? (rules.asRecorded() ? Completion.CONFIRMED.name() : Completion.CLAIMED.name()) : "KEEP";
        int updated = jdbc.sql("""
                UPDATE action SET status = :status, status_word = CAST(:word AS text), declared_rag = CAST(:rag AS text), declared_rag_reason = CAST(:ragReason AS text),
                    last_update_at = CAST(:at AS timestamptz), version = version + 1,
                    current_due_raw = CASE WHEN CAST(:applied AS boolean) THEN CAST(:dueRaw AS text) ELSE current_due_raw END,
                    current_due_date = CASE WHEN CAST(:applied AS boolean) THEN CAST(:dueDate AS date) ELSE current_due_date END,
                    current_due_precision = CASE WHEN CAST(:applied AS boolean) THEN CAST(:duePrecision AS text) ELSE current_due_precision END,
                    current_due_start = CASE WHEN CAST(:applied AS boolean) THEN CAST(:dueStart AS date) ELSE current_due_start END,
                    current_due_note = CASE WHEN CAST(:applied AS boolean) THEN CAST(:dueNote AS text) ELSE current_due_note END,
                    revisions = revisions + CASE WHEN CAST(:applied AS boolean) THEN 1 ELSE 0 END,
                    requested_due_raw = CASE WHEN CAST(:request AS boolean) THEN CAST(:dueRaw AS text) WHEN CAST(:keepRequest AS boolean) THEN requested_due_raw END,
                    requested_due_date = CASE WHEN CAST(:request AS boolean) THEN CAST(:dueDate AS date) WHEN CAST(:keepRequest AS boolean) THEN requested_due_date END,
                    requested_due_precision = CASE WHEN CAST(:request AS boolean) THEN CAST(:duePrecision AS text)
                        WHEN CAST(:keepRequest AS boolean) THEN requested_due_precision END,
                    requested_due_start = CASE WHEN CAST(:request AS boolean) THEN CAST(:dueStart AS date) WHEN CAST(:keepRequest AS boolean) THEN requested_due_start END,
                    requested_due_note = CASE WHEN CAST(:request AS boolean) THEN CAST(:dueNote AS text) WHEN CAST(:keepRequest AS boolean) THEN requested_due_note END,
                    requested_due_reason = CASE WHEN CAST(:request AS boolean) THEN CAST(:revisionReason AS text)
                        WHEN CAST(:keepRequest AS boolean) THEN requested_due_reason END,
                    requested_due_by = CASE WHEN CAST(:request AS boolean) THEN CAST(:authorId AS bigint) WHEN CAST(:keepRequest AS boolean) THEN requested_due_by END,
                    requested_due_update_id = CASE WHEN CAST(:request AS boolean) THEN CAST(:updateId AS text)
                        WHEN CAST(:keepRequest AS boolean) THEN requested_due_update_id END,
                    completion = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN completion ELSE CAST(:completion AS text) END,
                    completion_claimed_by = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN completion_claimed_by
                        WHEN CAST(:completion AS text) IS NULL THEN NULL ELSE CAST(:authorId AS bigint) END,
                    completion_claimed_at = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN completion_claimed_at
                        WHEN CAST(:completion AS text) IS NULL THEN NULL ELSE CAST(:at AS timestamptz) END,
                    completion_confirmed_at = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN completion_confirmed_at
                        WHEN CAST(:completion AS text) = 'CONFIRMED' THEN CAST(:at AS timestamptz) END,
                    impact_evidenced = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN impact_evidenced END,
                    impact_review_on = CASE WHEN CAST(:completion AS text) = 'KEEP' THEN impact_review_on END,
                    off_track_since = CASE WHEN NOT CAST(:behind AS boolean) THEN NULL ELSE coalesce(off_track_since, CAST(:day AS date)) END,
                    off_track_word = CASE WHEN NOT CAST(:behind AS boolean) THEN NULL WHEN CAST(:offWord AS text) IS NOT NULL THEN CAST(:offWord AS text)
                        ELSE off_track_word END
                WHERE id = :id AND version = :version""")
                .param("status", entry.statusAfter().name())
                .param("word", word)
                .param(
                        "rag",
                        entry.declaredRag() == null ? null : entry.declaredRag().name())
                .param("ragReason", entry.declaredRagReason())
                .param("at", Timestamp.from(at))
                .param("applied", applied)
                .param("request", request)
                // a request stands until decided, or until the action is finished or re-dated
                .param("keepRequest", !applied && !entry.statusAfter().isDone())
                .param("dueRaw", revised == null ? null : revised.raw())
                .param("dueDate", revised == null ? null : PlanWriter.sqlDate(revised.date()))
                .param(
                        "duePrecision",
                        revised == null ? null : revised.precision().name())
                .param("dueStart", revised == null ? null : PlanWriter.sqlDate(revised.rangeStart()))
                .param("dueNote", revised == null ? null : revised.note())
                .param("revisionReason", entry.revisionReason())
                .param("authorId", author.userId())
                .param("updateId", externalId)
                .param("completion", completion)
                .param("behind", behind)
                .param("day", PlanWriter.sqlDate(day))
                .param("offWord", StatusVocabulary.isOffTrack(word) ? word : null)
                .param("id", row.id())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            // Someone committed between our read and our write; the transaction rolls back the insert too.
            throw stale(row.id());
        }
        return new Written(new Recorded(externalId, expectedVersion + 1), step);
    }

    /** A completion claim needs its evidence (when the partnership says so) and no new date beside it. */
    private void signOffRules(ProgressEntry entry, boolean claim, Rules rules) {
        List<InvalidProgressException.FieldError> errors = new ArrayList<>();
        if (claim
                && rules.completionNeedsEvidence()
                && !rules.hasFile()
                && (entry.evidenceUrl() == null || entry.evidenceUrl().isBlank())) {
            errors.add(
                    new InvalidProgressException.FieldError("evidenceUrl", Message.of("signOff.error.evidenceNeeded")));
        }
        if (claim && entry.revisedDue() != null) {
            errors.add(
                    new InvalidProgressException.FieldError("dueDate-day", Message.of("signOff.error.dateWithClaim")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProgressException(errors);
        }
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
        Recorded recorded =
                recordUnderRules(partnershipId, actionExternalId, expectedVersion, entry, author, file != null);
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

    private record CurrentRow(long id, int version, ActionStatus status, LocalDate offTrackSince) {}
}
