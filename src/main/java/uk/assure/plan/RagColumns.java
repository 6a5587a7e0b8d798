package uk.assure.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The columns of an action (aliased {@code a}) that its RAG is worked out from, and how to read them: one list,
 * so every page and list rates an action from the same record.
 */
final class RagColumns {

    static final String SELECT = """
            a.status, a.completion, a.revisions, a.off_track_since, a.off_track_word,
            a.current_due_raw, a.current_due_date, a.current_due_precision, a.current_due_start, a.current_due_note,
            a.original_due_raw, a.original_due_date, a.original_due_precision, a.original_due_start, a.original_due_note,
            a.requested_due_raw, a.requested_due_date, a.requested_due_precision, a.requested_due_start,
            a.requested_due_note, coalesce(a.last_update_at, a.created_at) AS active""";

    private RagColumns() {}

    static RagInput read(ResultSet rs, ZoneId zone) throws SQLException {
        String completion = rs.getString("completion");
        Date offTrack = rs.getDate("off_track_since");
        return new RagInput(
                ActionStatus.valueOf(rs.getString("status")),
                completion == null ? null : Completion.valueOf(completion),
                PlanQueries.dueOf(rs, "current_due"),
                PlanQueries.dueOf(rs, "original_due"),
                rs.getInt("revisions"),
                rs.getString("requested_due_precision") == null ? null : PlanQueries.dueOf(rs, "requested_due"),
                offTrack == null ? null : new LeadJudgement(rs.getString("off_track_word"), offTrack.toLocalDate()),
                rs.getTimestamp("active").toInstant().atZone(zone).toLocalDate());
    }
}
