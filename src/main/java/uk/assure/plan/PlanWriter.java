package uk.assure.plan;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.system.ExternalIds;

/**
 * Writes a whole {@link NewPlan} in one transaction, in batches: a plan lands whole or not at all.
 */
@Repository
public class PlanWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlanWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** {@code actionExternalIds} lists the actions in document order; the map has no order. */
    public record Created(long planId, String externalId, Map<String, Long> actionIdsByExternalId,
            List<String> actionExternalIds) {
        public Created {
            actionExternalIds = List.copyOf(actionExternalIds);
        }
    }

    @Transactional
    public Created create(long partnershipId, NewPlan plan, Instant createdAt) {
        String planExternalId = ExternalIds.next();
        long planId = insertPlan(partnershipId, planExternalId, plan, createdAt);
        insertGlossaryAndLinks(partnershipId, planId, plan);

        List<PendingAction> pending = new ArrayList<>();
        Map<String, Long> findingIdsByRef = new HashMap<>();
        int sectionPosition = 0;
        int findingPosition = 0;
        int actionPosition = 0;
        for (NewPlan.Section section : plan.sections()) {
            long sectionId = jdbc.sql("""
                    INSERT INTO section (partnership_id, plan_id, position, ref, title, description)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(partnershipId, planId, sectionPosition++, section.ref(), section.title(), section.description())
                    .query(Long.class).single();
            Map<String, Long> sectionFindings = new HashMap<>();
            for (NewPlan.Finding finding : section.findings()) {
                long findingId = jdbc.sql("""
                        INSERT INTO finding (partnership_id, plan_id, section_id, external_id, position, ref, kind, text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(partnershipId, planId, sectionId, ExternalIds.next(), findingPosition++, finding.ref(),
                                finding.kind().name(), finding.text())
                        .query(Long.class).single();
                if (finding.ref() != null) {
                    sectionFindings.putIfAbsent(finding.ref(), findingId);
                    findingIdsByRef.putIfAbsent(finding.ref(), findingId);
                }
            }
            for (NewPlan.Action action : section.actions()) {
                pending.add(new PendingAction(ExternalIds.next(), sectionId, actionPosition++, action, sectionFindings));
            }
        }
        Map<String, Long> actionIds = insertActions(partnershipId, planId, pending, createdAt);
        insertActionFindingsAndLeads(partnershipId, pending, actionIds, findingIdsByRef);
        return new Created(planId, planExternalId, actionIds, pending.stream().map(PendingAction::externalId).toList());
    }

    /**
     * What an imported document said about each action's progress, as the first entry of its history: authored by
     * the import, at the time of import, leaving the status where the document put it. {@code notes} follow
     * {@link Created#actionExternalIds()}; a null note adds nothing.
     */
    @Transactional
    public void appendImportedNotes(long partnershipId, Created created, List<String> notes, String author, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> touched = new ArrayList<>();
        Map<String, String> statuses = new HashMap<>();
        jdbc.sql("SELECT external_id, status FROM action WHERE partnership_id = ? AND plan_id = ?")
                .params(partnershipId, created.planId())
                .query(rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        for (int i = 0; i < notes.size(); i++) {
            String note = notes.get(i);
            if (note == null || note.isBlank()) {
                continue;
            }
            String action = created.actionExternalIds().get(i);
            long actionId = created.actionIdsByExternalId().get(action);
            String status = statuses.get(action);
            rows.add(new Object[] {partnershipId, actionId, ExternalIds.next(), author, Timestamp.from(at), note.strip(),
                status, status});
            touched.add(new Object[] {Timestamp.from(at), actionId});
        }
        template.batchUpdate("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        template.batchUpdate("UPDATE action SET last_update_at = ?, version = version + 1 WHERE id = ?", touched);
    }

    private long insertPlan(long partnershipId, String externalId, NewPlan plan, Instant createdAt) {
        return template.execute((java.sql.Connection c) -> {
            Array vocabulary = c.createArrayOf("text", plan.statusVocabulary().toArray());
            try (var ps = c.prepareStatement("""
                    INSERT INTO plan (partnership_id, external_id, title, kind, source, area, version_label, lead_officer,
                                      issued_on, preamble, success_criteria, measures, status_vocabulary, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, partnershipId);
                ps.setString(2, externalId);
                ps.setString(3, plan.title());
                ps.setString(4, plan.kind().name());
                ps.setString(5, plan.source());
                ps.setString(6, plan.area());
                ps.setString(7, plan.versionLabel());
                ps.setString(8, plan.leadOfficer());
                ps.setDate(9, sqlDate(plan.issuedOn()));
                ps.setString(10, plan.preamble());
                ps.setString(11, plan.successCriteria());
                ps.setString(12, plan.measures());
                ps.setArray(13, vocabulary);
                ps.setTimestamp(14, Timestamp.from(createdAt));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void insertGlossaryAndLinks(long partnershipId, long planId, NewPlan plan) {
        List<Object[]> terms = new ArrayList<>();
        for (int i = 0; i < plan.glossary().size(); i++) {
            NewPlan.GlossaryTerm t = plan.glossary().get(i);
            terms.add(new Object[] {partnershipId, planId, i, t.term(), t.meaning()});
        }
        template.batchUpdate("""
                INSERT INTO plan_glossary_term (partnership_id, plan_id, position, term, meaning) VALUES (?, ?, ?, ?, ?)""",
                terms);
        List<Object[]> links = plan.links().stream().map(l -> new Object[] {partnershipId, planId, l}).toList();
        template.batchUpdate("INSERT INTO plan_link (partnership_id, plan_id, label) VALUES (?, ?, ?)", links);
    }

    private Map<String, Long> insertActions(long partnershipId, long planId, List<PendingAction> pending, Instant createdAt) {
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (PendingAction p : pending) {
            NewPlan.Action a = p.action();
            DueDate due = a.due() == null ? DueDate.parse(null) : a.due();
            rows.add(new Object[] {
                partnershipId, planId, p.sectionId(), p.externalId(), p.position(), a.ref(), a.text(), a.leadRaw(),
                a.oversightRaw(), a.oversightBodyId(), a.expectedImpact(), a.evidenceOfImpact(),
                due.raw(), sqlDate(due.date()), due.precision().name(), sqlDate(due.rangeStart()), due.note(),
                due.raw(), sqlDate(due.date()), due.precision().name(), sqlDate(due.rangeStart()), due.note(),
                a.status().name(), a.status().name(), a.statusWord(), Timestamp.from(createdAt)
            });
        }
        template.batchUpdate("""
                INSERT INTO action (partnership_id, plan_id, section_id, external_id, position, ref, text, lead_raw,
                    oversight_raw, oversight_body_id, expected_impact, evidence_of_impact,
                    original_due_raw, original_due_date, original_due_precision, original_due_start, original_due_note,
                    current_due_raw, current_due_date, current_due_precision, current_due_start, current_due_note,
                    initial_status, status, status_word, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT external_id, id FROM action WHERE plan_id = ?").param(planId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    private void insertActionFindingsAndLeads(long partnershipId, List<PendingAction> pending, Map<String, Long> actionIds,
            Map<String, Long> findingIdsByRef) {
        List<Object[]> links = new ArrayList<>();
        List<Object[]> leads = new ArrayList<>();
        for (PendingAction p : pending) {
            long actionId = actionIds.get(p.externalId());
            p.action().findingRefs().stream()
                    .map(ref -> p.sectionFindings().getOrDefault(ref, findingIdsByRef.get(ref)))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .forEach(findingId -> links.add(new Object[] {partnershipId, actionId, findingId}));
            List<NewPlan.Lead> actionLeads = p.action().leads();
            for (int i = 0; i < actionLeads.size(); i++) {
                NewPlan.Lead lead = actionLeads.get(i);
                leads.add(new Object[] {partnershipId, actionId, i, lead.agencyId(), lead.personId()});
            }
        }
        template.batchUpdate("INSERT INTO action_finding (partnership_id, action_id, finding_id) VALUES (?, ?, ?)", links);
        template.batchUpdate("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id, person_id) VALUES (?, ?, ?, ?, ?)""",
                leads);
    }

    static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private record PendingAction(String externalId, long sectionId, int position, NewPlan.Action action,
            Map<String, Long> sectionFindings) {}
}
