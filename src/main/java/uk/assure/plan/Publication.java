package uk.assure.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.Access.Capability;
import uk.assure.account.SignedInUser;
import uk.assure.audit.AuditLog;
import uk.assure.system.NotFoundException;

/**
 * What is not for publication: an admin marks a whole action, one of its narrative fields, or one progress update,
 * and the published version of a board pack leaves it out. Marks are rows of their own (the history stays as it is);
 * each mark and unmark is an audit event.
 */
@Service
public class Publication {

    /** The items a mark may name; an update is named {@code update:<its external id>}. */
    public static final Set<String> FIELDS = Set.of("ACTION", "TEXT", "EXPECTED_IMPACT", "EVIDENCE_OF_IMPACT");

    private static final String UPDATE = "update:";

    private final JdbcClient jdbc;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    Publication(JdbcClient jdbc, Access access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the published version leaves out of the plans: action external ids by item (ACTION, TEXT...). */
    public record Withheld(Map<String, Set<String>> actionsByItem) {

        public static final Withheld NONE = new Withheld(Map.of());

        public boolean has(String item, String actionExternalId) {
            return actionsByItem.getOrDefault(item, Set.of()).contains(actionExternalId);
        }
    }

    /** The marks on the actions of the plans (the caller has decided the person may read them). */
    @Transactional(readOnly = true)
    public Withheld withheld(long partnershipId, String[] planIds) {
        Map<String, Set<String>> marks = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT h.item, a.external_id FROM publication_hold h JOIN action a ON a.id = h.action_id
                JOIN plan p ON p.id = a.plan_id
                WHERE h.partnership_id = ? AND p.external_id = ANY (?) AND h.item <> 'UPDATE'""").params(partnershipId, planIds).query(rs -> {
            marks.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        return new Withheld(marks);
    }

    /** The marks on one action, as the action page names them: ACTION, TEXT..., update:{id}. */
    @Transactional(readOnly = true)
    public Set<String> marksOn(SignedInUser user, String actionId) {
        return new HashSet<>(jdbc.sql("""
                SELECT CASE WHEN h.item = 'UPDATE' THEN 'update:' || u.external_id ELSE h.item END
                FROM publication_hold h JOIN action a ON a.id = h.action_id
                LEFT JOIN progress_update u ON u.id = h.update_id
                WHERE h.partnership_id = ? AND a.external_id = ?""")
                .params(user.partnershipId(), actionId)
                .query(String.class)
                .list());
    }

    /**
     * Marks an item as not for publication, or publishes it again: admins only, within the plan the action is in. An
     * item that is none of these changes nothing; an update not of this action is "not found".
     *
     * @param item ACTION, TEXT, EXPECTED_IMPACT, EVIDENCE_OF_IMPACT, or update:{the update's external id}
     */
    @Transactional
    public void mark(SignedInUser user, String planId, String actionId, String item, boolean withhold) {
        access.require(user, Capability.ADMINISTER);
        access.requirePlan(user, planId);
        Long action = jdbc.sql("""
                SELECT a.id FROM action a JOIN plan p ON p.id = a.plan_id
                WHERE a.partnership_id = ? AND p.external_id = ? AND a.external_id = ?""")
                .params(user.partnershipId(), planId, actionId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        String kind;
        Long update = null;
        if (item != null && item.startsWith(UPDATE)) {
            kind = "UPDATE";
            update = jdbc.sql(
                            "SELECT id FROM progress_update WHERE partnership_id = ? AND action_id = ? AND external_id = ?")
                    .params(user.partnershipId(), action, item.substring(UPDATE.length()))
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new NotFoundException("Update"));
        } else if (item != null && FIELDS.contains(item)) {
            kind = item;
        } else {
            return; // a form sent without an item it can name changes nothing
        }
        int changed = withhold
                ? jdbc.sql("""
                        INSERT INTO publication_hold (partnership_id, action_id, item, update_id, held_by, held_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                user.partnershipId(),
                                action,
                                kind,
                                update,
                                user.userId(),
                                Timestamp.from(clock.instant()))
                        .update()
                : jdbc.sql("""
                        DELETE FROM publication_hold WHERE partnership_id = ? AND action_id = ? AND item = ?
                          AND coalesce(update_id, 0) = coalesce(?, 0)""")
                        .params(user.partnershipId(), action, kind, update)
                        .update();
        if (changed == 0) {
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("item", item);
        state.put("withheld", withhold);
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                withhold ? "PUBLICATION_WITHHELD" : "PUBLICATION_RESTORED",
                "action",
                actionId,
                null,
                state,
                null));
    }
}
