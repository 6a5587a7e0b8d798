package uk.assure.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.plan.InvalidProgressException.FieldError;
import uk.assure.system.ExternalIds;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * What waits on someone other than the lead, and their decision: a completion claimed is confirmed (with the answer
 * on impact) or sent back with a reason, back to In progress; a new due date requested is accepted (it comes into
 * force, and the action stays visibly slipped) or refused with a reason. Each decision is a step of the history
 * and an audit event, guarded by the version the decider saw. Who may decide is {@link PlanWork}'s question.
 */
@Service
public class SignOffs {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ProgressService progress;
    private final MessageSource messages;

    SignOffs(JdbcClient jdbc, Clock clock, AuditLog audit, ProgressService progress, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.progress = progress;
        this.messages = messages;
    }

    /** Who an action's sign-off concerns: its oversight body, and who made the claim or the request waiting. */
    public record Waiting(
            Long oversightBodyId, Completion completion, Long claimedBy, boolean revisionRequested, Long requestedBy) {}

    /** The sign-off's answer on impact: evidenced now, or not yet with a date to look again. */
    public record Confirmation(String note, Boolean impactEvidenced, LocalDate reviewOn) {}

    @Transactional(readOnly = true)
    public Optional<Waiting> waiting(long partnershipId, String actionExternalId) {
        return jdbc.sql("""
                SELECT oversight_body_id, completion, completion_claimed_by, requested_due_precision IS NOT NULL,
                       requested_due_by
                FROM action WHERE partnership_id = ? AND external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> new Waiting(
                        rs.getObject(1, Long.class),
                        rs.getString(2) == null ? null : Completion.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getBoolean(4),
                        rs.getObject(5, Long.class)))
                .optional();
    }

    @Transactional
    public ProgressService.Recorded confirm(
            long partnershipId, String actionId, int version, Confirmation answer, ProgressService.Author by) {
        Row row = row(partnershipId, actionId, version);
        List<FieldError> errors = new ArrayList<>();
        if (row.completion() != Completion.CLAIMED) {
            errors.add(new FieldError("signOff", Message.of("signOff.error.noClaim")));
        }
        LocalDate today = LocalDate.now(clock);
        if (answer.impactEvidenced() == null) {
            errors.add(new FieldError("impactEvidenced", Message.of("signOff.error.impact")));
        } else if (!answer.impactEvidenced() && answer.reviewOn() == null) {
            errors.add(new FieldError("reviewOn-day", Message.of("signOff.error.reviewOn")));
        } else if (!answer.impactEvidenced() && answer.reviewOn().isBefore(today)) {
            errors.add(new FieldError("reviewOn-day", Message.of("signOff.error.reviewOnPast")));
        }
        tooLong(errors, "note", answer.note());
        refuseIf(errors);
        boolean evidenced = answer.impactEvidenced();
        String id = step(
                row,
                by,
                UpdateStep.COMPLETION_CONFIRMED,
                orWords(answer.note(), Message.of("signOff.confirmed.narrative")),
                ActionStatus.COMPLETED,
                null,
                evidenced,
                evidenced ? null : answer.reviewOn());
        finish(row, """
                UPDATE action SET completion = 'CONFIRMED', completion_confirmed_at = CAST(:at AS timestamptz), impact_evidenced = CAST(:evidenced AS boolean),
                    impact_review_on = CAST(:reviewOn AS date), last_update_at = CAST(:at AS timestamptz), version = version + 1
                WHERE id = :id AND version = :version""", evidenced, evidenced ? null : answer.reviewOn());
        return done(partnershipId, actionId, row, by, UpdateStep.COMPLETION_CONFIRMED, id);
    }

    @Transactional
    public ProgressService.Recorded sendBack(
            long partnershipId, String actionId, int version, String reason, ProgressService.Author by) {
        Row row = row(partnershipId, actionId, version);
        List<FieldError> errors = new ArrayList<>();
        if (row.completion() != Completion.CLAIMED) {
            errors.add(new FieldError("signOff", Message.of("signOff.error.noClaim")));
        }
        requireReason(errors, "reason", reason, Message.of("signOff.error.sendBackReason"));
        refuseIf(errors);
        String id = step(
                row,
                by,
                UpdateStep.COMPLETION_SENT_BACK,
                words(Message.of("signOff.sentBack.narrative")),
                ActionStatus.IN_PROGRESS,
                reason.strip(),
                null,
                null);
        finish(row, """
                UPDATE action SET status = 'IN_PROGRESS', status_word = NULL, completion = NULL,
                    completion_claimed_by = NULL, completion_claimed_at = NULL, last_update_at = CAST(:at AS timestamptz),
                    version = version + 1
                WHERE id = :id AND version = :version""", null, null);
        return done(partnershipId, actionId, row, by, UpdateStep.COMPLETION_SENT_BACK, id);
    }

    @Transactional
    public ProgressService.Recorded acceptRevision(
            long partnershipId, String actionId, int version, ProgressService.Author by) {
        Row row = row(partnershipId, actionId, version);
        List<FieldError> errors = new ArrayList<>();
        if (!row.revisionRequested()) {
            errors.add(new FieldError("signOff", Message.of("signOff.error.noRequest")));
        }
        refuseIf(errors);
        String id = ExternalIds.next();
        // the accepted date joins the history as a revision, with the reason the lead gave for it
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_user_id, author_name,
                    recorded_at, narrative, status_before, status_after, status_word, revised_due_raw, revised_due_date,
                    revised_due_precision, revised_due_start, revised_due_note, revision_reason, step)
                SELECT partnership_id, id, CAST(:externalId AS text), CAST(:authorId AS bigint), CAST(:authorName AS text), CAST(:at AS timestamptz), CAST(:narrative AS text), status, status, status_word,
                    requested_due_raw, requested_due_date, requested_due_precision, requested_due_start,
                    requested_due_note, requested_due_reason, 'REVISION_ACCEPTED'
                FROM action WHERE id = :id""")
                .param("externalId", id)
                .param("authorId", by.userId())
                .param("authorName", by.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("narrative", words(Message.of("signOff.accepted.narrative")))
                .param("id", row.id())
                .update();
        finish(row, """
                UPDATE action SET current_due_raw = requested_due_raw, current_due_date = requested_due_date,
                    current_due_precision = requested_due_precision, current_due_start = requested_due_start,
                    current_due_note = requested_due_note, revisions = revisions + 1, """ + CLEAR_REQUEST + """
                    , last_update_at = CAST(:at AS timestamptz), version = version + 1
                WHERE id = :id AND version = :version""", null, null);
        return done(partnershipId, actionId, row, by, UpdateStep.REVISION_ACCEPTED, id);
    }

    @Transactional
    public ProgressService.Recorded refuseRevision(
            long partnershipId, String actionId, int version, String reason, ProgressService.Author by) {
        Row row = row(partnershipId, actionId, version);
        List<FieldError> errors = new ArrayList<>();
        if (!row.revisionRequested()) {
            errors.add(new FieldError("signOff", Message.of("signOff.error.noRequest")));
        }
        // the refusal's own box on the page, beside the send-back one
        requireReason(errors, "refuse-reason", reason, Message.of("signOff.error.refuseReason"));
        refuseIf(errors);
        String id = step(
                row,
                by,
                UpdateStep.REVISION_REFUSED,
                words(Message.of("signOff.refused.narrative", row.requestedDue())),
                row.status(),
                reason.strip(),
                null,
                null);
        finish(
                row,
                "UPDATE action SET " + CLEAR_REQUEST
                        + ", last_update_at = CAST(:at AS timestamptz), version = version + 1 WHERE id = :id AND version = :version",
                null,
                null);
        return done(partnershipId, actionId, row, by, UpdateStep.REVISION_REFUSED, id);
    }

    private static final String CLEAR_REQUEST = """
            requested_due_raw = NULL, requested_due_date = NULL, requested_due_precision = NULL,
                requested_due_start = NULL, requested_due_note = NULL, requested_due_reason = NULL,
                requested_due_by = NULL, requested_due_update_id = NULL""";

    private record Row(
            long id,
            int version,
            ActionStatus status,
            Completion completion,
            boolean revisionRequested,
            String requestedDue,
            Object auditBefore) {}

    private Row row(long partnershipId, String actionId, int version) {
        Object before = progress.auditState(partnershipId, actionId);
        Row row = jdbc.sql("""
                SELECT id, version, status, completion, requested_due_precision IS NOT NULL,
                       coalesce(requested_due_raw, to_char(requested_due_date, 'FMDD FMMonth YYYY'))
                FROM action WHERE partnership_id = ? AND external_id = ? FOR UPDATE""")
                .params(partnershipId, actionId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        ActionStatus.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Completion.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getString(6),
                        before))
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        if (row.version() != version) {
            throw stale(row.id());
        }
        return row;
    }

    private String step(
            Row row,
            ProgressService.Author by,
            UpdateStep step,
            String narrative,
            ActionStatus after,
            String reason,
            Boolean impactEvidenced,
            LocalDate reviewOn) {
        String id = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_user_id, author_name,
                    recorded_at, narrative, status_before, status_after, status_word, status_reason, step,
                    impact_evidenced, impact_review_on)
                SELECT partnership_id, id, CAST(:externalId AS text), CAST(:authorId AS bigint), CAST(:authorName AS text), CAST(:at AS timestamptz), CAST(:narrative AS text), status, CAST(:after AS text),
                    CASE WHEN CAST(:after AS text) = status THEN status_word END, CAST(:reason AS text), CAST(:step AS text), CAST(:evidenced AS boolean), CAST(:reviewOn AS date)
                FROM action WHERE id = :id""")
                .param("externalId", id)
                .param("authorId", by.userId())
                .param("authorName", by.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("narrative", narrative)
                .param("after", after.name())
                .param("reason", reason)
                .param("step", step.name())
                .param("evidenced", impactEvidenced)
                .param("reviewOn", PlanWriter.sqlDate(reviewOn))
                .param("id", row.id())
                .update();
        return id;
    }

    private void finish(Row row, String sql, Boolean evidenced, LocalDate reviewOn) {
        var statement = jdbc.sql(sql)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", row.id())
                .param("version", row.version());
        if (sql.contains(":evidenced")) {
            statement = statement.param("evidenced", evidenced).param("reviewOn", PlanWriter.sqlDate(reviewOn));
        }
        if (statement.update() == 0) {
            throw stale(row.id());
        }
    }

    private ProgressService.Recorded done(
            long partnershipId, String actionId, Row row, ProgressService.Author by, UpdateStep step, String updateId) {
        audit.record(new AuditLog.Event(
                partnershipId,
                by.userId(),
                by.name(),
                step.name(),
                "action",
                actionId,
                row.auditBefore(),
                progress.auditState(partnershipId, actionId),
                "update " + updateId));
        return new ProgressService.Recorded(updateId, row.version() + 1);
    }

    private void requireReason(List<FieldError> errors, String field, String reason, Message missing) {
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(field, missing));
        } else {
            tooLong(errors, field, reason);
        }
    }

    private void tooLong(List<FieldError> errors, String field, String text) {
        if (text != null && text.length() > ProgressValidator.SHORT_MAX) {
            errors.add(new FieldError(field, Message.of("signOff.error.tooLong", ProgressValidator.SHORT_MAX)));
        }
    }

    private static void refuseIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidProgressException(errors);
        }
    }

    private String orWords(String note, Message otherwise) {
        return note == null || note.isBlank() ? words(otherwise) : note.strip();
    }

    private StaleActionException stale(long actionId) {
        return jdbc.sql("""
                SELECT author_name, recorded_at FROM progress_update WHERE action_id = ?
                ORDER BY recorded_at DESC, id DESC LIMIT 1""")
                .param(actionId)
                .query((rs, n) -> new StaleActionException(
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional()
                .orElseGet(() -> new StaleActionException(words(Message.of("signOff.someoneElse")), (Instant) null));
    }

    /** Words written into the history: stored as said, in the partnership's language. */
    private String words(Message message) {
        return messages.getMessage(message, Locale.UK);
    }
}
