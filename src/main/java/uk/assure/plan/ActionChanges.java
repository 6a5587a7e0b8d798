package uk.assure.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.NotFoundException;

/**
 * Changes to an action other than progress: an admin's edit of its wording and fields, and links to further
 * findings or to actions in other plans. Each is guarded by the version the person saw and leaves an audit event
 * with the state before and after.
 */
@Service
public class ActionChanges {

    /** An action's ref: "4.2", "R12a", rarely more than a few characters. */
    static final int REF_MAX = 100;
    /** The action's wording, its expected impact, its evidence of impact: several pages at most. */
    static final int TEXT_MAX = 20_000;
    /** A lead or an oversight body as the plan writes it. */
    static final int SHORT_MAX = 2_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ActionChanges(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The fields an admin edits, as typed; text must not be blank. */
    public record Fields(
            String ref,
            String text,
            String leadRaw,
            String oversightRaw,
            String expectedImpact,
            String evidenceOfImpact) {}

    /** A finding or an action that this action could be linked to. */
    public record Candidate(String externalId, String planTitle, String ref, String text) {}

    public record Candidates(List<Candidate> findings, List<Candidate> actions) {}

    @Transactional
    public int edit(
            long partnershipId,
            String actionExternalId,
            int expectedVersion,
            Fields fields,
            ProgressService.Author author) {
        Map<String, Object> before = jdbc.sql("""
                SELECT ref, text, lead_raw, oversight_raw, expected_impact, evidence_of_impact, version FROM action
                WHERE partnership_id = ? AND external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String c : List.of(
                            "ref", "text", "lead_raw", "oversight_raw", "expected_impact", "evidence_of_impact")) {
                        m.put(c, rs.getString(c));
                    }
                    m.put("version", rs.getInt("version"));
                    return m;
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("Action"));
        int updated = jdbc.sql("""
                UPDATE action SET ref = ?, text = ?, lead_raw = ?, oversight_raw = ?, expected_impact = ?,
                    evidence_of_impact = ?, version = version + 1
                WHERE partnership_id = ? AND external_id = ? AND version = ?""")
                .params(
                        blank(fields.ref()),
                        fields.text().strip(),
                        blank(fields.leadRaw()),
                        blank(fields.oversightRaw()),
                        blank(fields.expectedImpact()),
                        blank(fields.evidenceOfImpact()),
                        partnershipId,
                        actionExternalId,
                        expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleActionException("someone else", null);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("ref", blank(fields.ref()));
        after.put("text", fields.text().strip());
        after.put("lead_raw", blank(fields.leadRaw()));
        after.put("oversight_raw", blank(fields.oversightRaw()));
        after.put("expected_impact", blank(fields.expectedImpact()));
        after.put("evidence_of_impact", blank(fields.evidenceOfImpact()));
        audit(partnershipId, author, "ACTION_EDITED", actionExternalId, before, after);
        return expectedVersion + 1;
    }

    @Transactional
    public void linkFinding(
            long partnershipId, String actionExternalId, String findingExternalId, ProgressService.Author author) {
        int added = jdbc.sql("""
                INSERT INTO action_finding (partnership_id, action_id, finding_id)
                SELECT a.partnership_id, a.id, f.id FROM action a JOIN finding f ON f.partnership_id = a.partnership_id
                WHERE a.partnership_id = ? AND a.external_id = ? AND f.external_id = ?
                ON CONFLICT DO NOTHING""")
                .params(partnershipId, actionExternalId, findingExternalId)
                .update();
        if (added > 0) {
            audit(
                    partnershipId,
                    author,
                    "ACTION_LINKED_TO_FINDING",
                    actionExternalId,
                    null,
                    Map.of("finding", findingExternalId));
        }
    }

    @Transactional
    public void linkAction(
            long partnershipId, String actionExternalId, String otherExternalId, ProgressService.Author author) {
        int added = jdbc.sql("""
                INSERT INTO action_link (partnership_id, action_id, linked_action_id)
                SELECT a.partnership_id, a.id, o.id FROM action a JOIN action o ON o.partnership_id = a.partnership_id
                WHERE a.partnership_id = ? AND a.external_id = ? AND o.external_id = ? AND o.id <> a.id
                ON CONFLICT DO NOTHING""")
                .params(partnershipId, actionExternalId, otherExternalId)
                .update();
        if (added > 0) {
            audit(
                    partnershipId,
                    author,
                    "ACTION_LINKED_TO_ACTION",
                    actionExternalId,
                    null,
                    Map.of("action", otherExternalId));
        }
    }

    /** Findings not yet answered by this action, and actions in other plans not yet linked to it. */
    @Transactional(readOnly = true)
    public Candidates candidates(long partnershipId, String actionExternalId) {
        List<Candidate> findings = jdbc.sql("""
                SELECT f.external_id, p.title, f.ref, f.text FROM finding f JOIN plan p ON p.id = f.plan_id
                WHERE f.partnership_id = :p AND NOT EXISTS (
                    SELECT 1 FROM action_finding af JOIN action a ON a.id = af.action_id
                    WHERE af.finding_id = f.id AND a.external_id = :a)
                ORDER BY p.title, f.position""")
                .param("p", partnershipId)
                .param("a", actionExternalId)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        List<Candidate> actions = jdbc.sql("""
                SELECT o.external_id, p.title, o.ref, o.text FROM action o JOIN plan p ON p.id = o.plan_id
                WHERE o.partnership_id = :p
                  AND o.plan_id <> (SELECT plan_id FROM action WHERE external_id = :a)
                  AND NOT EXISTS (SELECT 1 FROM action_link l JOIN action a ON a.id = l.action_id
                                  WHERE l.linked_action_id = o.id AND a.external_id = :a)
                ORDER BY p.title, o.position""")
                .param("p", partnershipId)
                .param("a", actionExternalId)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return new Candidates(findings, actions);
    }

    private void audit(
            long partnershipId,
            ProgressService.Author author,
            String type,
            String object,
            Object before,
            Object after) {
        audit.record(new AuditLog.Event(
                partnershipId, author.userId(), author.name(), type, "action", object, before, after, null));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
