package uk.assure.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * Board members' comments on an action: questions and challenge, kept beside the history but apart from it. A
 * comment is not progress, so it changes neither the action's status nor when it was last updated.
 */
@Service
class Comments {

    public static final int MAX_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Comments(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Comment(String externalId, String authorName, String body, Instant writtenAt) {}

    @Transactional
    public String add(long partnershipId, String actionExternalId, ProgressService.Author author, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("comment", Message.of("comment.missing"));
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInput("comment", Message.of("comment.tooLong", MAX_LENGTH, body.length()));
        }
        long actionId = jdbc.sql("SELECT id FROM action WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, actionExternalId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        String externalId = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO action_comment (partnership_id, action_id, external_id, author_user_id, author_name, body, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        partnershipId,
                        actionId,
                        externalId,
                        author.userId(),
                        author.name(),
                        body.strip(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(new AuditLog.Event(
                partnershipId,
                author.userId(),
                author.name(),
                "ACTION_COMMENTED",
                "action",
                actionExternalId,
                null,
                Map.of("comment", externalId, "body", body.strip()),
                null));
        return externalId;
    }

    @Transactional(readOnly = true)
    public List<Comment> of(long partnershipId, String actionExternalId) {
        return jdbc.sql("""
                SELECT c.external_id, c.author_name, c.body, c.written_at FROM action_comment c
                JOIN action a ON a.partnership_id = c.partnership_id AND a.id = c.action_id
                WHERE c.partnership_id = ? AND a.external_id = ? ORDER BY c.written_at, c.id""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> new Comment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
