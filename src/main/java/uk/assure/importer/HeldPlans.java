package uk.assure.importer;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The partnership's plan a newer version updates, found by its title, and its actions as matching needs them. */
@Repository
@Transactional(readOnly = true)
class HeldPlans {

    private final JdbcClient jdbc;

    HeldPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record HeldPlan(long id, String externalId, String title, String versionLabel) {}

    Optional<HeldPlan> findByTitle(long partnershipId, String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, external_id, title, version_label FROM plan
                WHERE partnership_id = ? AND lower(regexp_replace(title, '\\s+', ' ', 'g')) = lower(regexp_replace(?, '\\s+', ' ', 'g'))
                ORDER BY created_at DESC LIMIT 1""")
                .params(partnershipId, title.strip())
                .query((rs, n) -> new HeldPlan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    List<VersionMatch.Held> actions(long partnershipId, long planId) {
        return jdbc.sql("""
                SELECT external_id, ref, text, current_due_raw, status, status_word, version FROM action
                WHERE partnership_id = ? AND plan_id = ? AND status NOT IN ('CLOSED', 'SUPERSEDED') ORDER BY position""")
                .params(partnershipId, planId)
                .query((rs, n) -> new VersionMatch.Held(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }
}
