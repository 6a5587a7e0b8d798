package uk.assure.importer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.system.ExternalIds;

/** Imports waiting for a person to confirm them; scoped to the partnership like everything else. */
@Repository
public class PendingImports {

    static final Duration EXPIRY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Pending(String externalId, String fileName, ParsedPlan plan) {}

    /** Holds a parsed plan for its preview, and drops any pending import that has expired. */
    @Transactional
    public String hold(long partnershipId, long userId, String fileName, ParsedPlan plan) {
        jdbc.sql("DELETE FROM pending_import WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(EXPIRY)))
                .update();
        String externalId = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO pending_import (partnership_id, external_id, created_by, created_at, file_name, parsed_plan)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        partnershipId,
                        externalId,
                        userId,
                        Timestamp.from(clock.instant()),
                        fileName,
                        PlanJson.write(plan))
                .update();
        return externalId;
    }

    @Transactional(readOnly = true)
    public Optional<Pending> find(long partnershipId, String externalId) {
        return jdbc.sql("""
                SELECT external_id, file_name, parsed_plan::text FROM pending_import
                WHERE partnership_id = ? AND external_id = ? AND created_at >= ?""")
                .params(
                        partnershipId,
                        externalId,
                        Timestamp.from(clock.instant().minus(EXPIRY)))
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), PlanJson.read(rs.getString(3))))
                .optional();
    }

    @Transactional
    public boolean cancel(long partnershipId, String externalId) {
        return jdbc.sql("DELETE FROM pending_import WHERE partnership_id = ? AND external_id = ?")
                        .params(partnershipId, externalId)
                        .update()
                > 0;
    }
}
