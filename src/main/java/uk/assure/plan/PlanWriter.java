package uk.assure.plan;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final Clock clock;

    PlanWriter(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** {@code actionExternalIds} lists the actions in document order; the map has no order. */
    public record Created(
            long planId, String externalId, Map<String, Long> actionIdsByExternalId, List<String> actionExternalIds) {
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
                    .params(
                            partnershipId,
                            planId,
                            sectionPosition++,
                            section.ref(),
                            section.title(),
                            section.description())
                    .query(Long.class)
                    .single();
            Map<String, Long> sectionFindings = new HashMap<>();
            for (NewPlan.Finding finding : section.findings()) {
                long findingId = jdbc.sql("""
                        INSERT INTO finding (partnership_id, plan_id, section_id, external_id, position, ref, kind, text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(
                                partnershipId,
                                planId,
                                sectionId,
                                ExternalIds.next(),
                                findingPosition++,
                                finding.ref(),
                                finding.kind().name(),
                                finding.text())
                        .query(Long.class)
                        .single();
                if (finding.ref() != null) {
                    sectionFindings.putIfAbsent(finding.ref(), findingId);
                    findingIdsByRef.putIfAbsent(finding.ref(), findingId);
                }
            }
            for (NewPlan.Action action : section.actions()) {
                pending.add(
                        new PendingAction(ExternalIds.next(), sectionId, actionPosition++, action, sectionFindings));
            }
        }
        Map<String, Long> actionIds = insertActions(partnershipId, planId, pending, createdAt);
        insertActionFindingsAndLeads(partnershipId, pending, actionIds, findingIdsByRef);
        return new Created(
                planId,
                planExternalId,
                actionIds,
                pending.stream().map(PendingAction::externalId).toList());
    }

    /**
     * What an imported document said about each action's progress, as the first entry of its history: authored by
     * the import, at the time of import, leaving the status where the document put it. {@code notes} follow
     * {@link Created#actionExternalIds()}; a null note adds nothing.
     */
    @Transactional
    public void appendImportedNotes(
            long partnershipId, Created created, List<String> notes, String author, Instant at) {
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
            rows.add(new Object[] {
                partnershipId, actionId, ExternalIds.next(), author, Timestamp.from(at), note.strip(), status, status
            });
            touched.add(new Object[] {Timestamp.from(at), actionId});
        }
        template.batchUpdate("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        template.batchUpdate("UPDATE action SET last_update_at = ?, version = version + 1 WHERE id = ?", touched);
    }

    /**
     * A newer version of the plan changed what an action says: its text, leads, oversight, impact and evidence
     * are replaced; its history, status and dates are not (those move only through progress updates).
     */
    @Transactional
    public int updateFields(long partnershipId, String actionExternalId, int expectedVersion, NewPlan.Action fields) {
        long actionId = jdbc.sql("""
                UPDATE action SET text = ?, lead_raw = ?, oversight_raw = ?, oversight_body_id = ?, expected_impact = ?,
                    evidence_of_impact = ?, version = version + 1
                WHERE partnership_id = ? AND external_id = ? AND version = ? RETURNING id""")
                .params(
                        fields.text(),
                        fields.leadRaw(),
                        fields.oversightRaw(),
                        fields.oversightBodyId(),
                        fields.expectedImpact(),
                        fields.evidenceOfImpact(),
                        partnershipId,
                        actionExternalId,
                        expectedVersion)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new StaleActionException("someone else", null));
        jdbc.sql("DELETE FROM action_lead WHERE partnership_id = ? AND action_id = ?")
                .params(partnershipId, actionId)
                .update();
        List<Object[]> leads = new ArrayList<>();
        for (int i = 0; i < fields.leads().size(); i++) {
            leads.add(new Object[] {
                partnershipId,
                actionId,
                i,
                fields.leads().get(i).agencyId(),
                fields.leads().get(i).personId()
            });
        }
        template.batchUpdate("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id, person_id) VALUES (?, ?, ?, ?, ?)""", leads);
        return expectedVersion + 1;
    }

    /** New findings and actions from a newer version, at the end of the section of that title (made if new). */
    @Transactional
    public List<String> addToSection(long partnershipId, long planId, NewPlan.Section section, Instant createdAt) {
        Long sectionId = jdbc.sql("SELECT id FROM section WHERE partnership_id = ? AND plan_id = ? AND title = ?")
                .params(partnershipId, planId, section.title())
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                        INSERT INTO section (partnership_id, plan_id, position, ref, title, description)
                        VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM section WHERE plan_id = ?), ?, ?, ?)
                        RETURNING id""")
                        .params(partnershipId, planId, planId, section.ref(), section.title(), section.description())
                        .query(Long.class)
                        .single());
        int findingPosition = jdbc.sql("SELECT coalesce(max(position), -1) + 1 FROM finding WHERE plan_id = ?")
                .param(planId)
                .query(Integer.class)
                .single();
        Map<String, Long> sectionFindings = new HashMap<>();
        jdbc.sql("SELECT ref, id FROM finding WHERE partnership_id = ? AND section_id = ? AND ref IS NOT NULL")
                .params(partnershipId, sectionId)
                .query(rs -> {
                    sectionFindings.putIfAbsent(rs.getString(1), rs.getLong(2));
                });
        for (NewPlan.Finding finding : section.findings()) {
            if (finding.ref() == null || !sectionFindings.containsKey(finding.ref())) {
                long id = jdbc.sql("""
                        INSERT INTO finding (partnership_id, plan_id, section_id, external_id, position, ref, kind, text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(
                                partnershipId,
                                planId,
                                sectionId,
                                ExternalIds.next(),
                                findingPosition++,
                                finding.ref(),
                                finding.kind().name(),
                                finding.text())
                        .query(Long.class)
                        .single();
                if (finding.ref() != null) {
                    sectionFindings.put(finding.ref(), id);
                }
            }
        }
        int actionPosition = jdbc.sql("SELECT coalesce(max(position), -1) + 1 FROM action WHERE plan_id = ?")
                .param(planId)
                .query(Integer.class)
                .single();
        List<PendingAction> pending = new ArrayList<>();
        for (NewPlan.Action action : section.actions()) {
            pending.add(new PendingAction(ExternalIds.next(), sectionId, actionPosition++, action, sectionFindings));
        }
        Map<String, Long> ids = insertActions(partnershipId, planId, pending, createdAt);
        insertActionFindingsAndLeads(partnershipId, pending, ids, sectionFindings);
        return pending.stream().map(PendingAction::externalId).toList();
    }

    /** The version label a newer import carries, and any acronyms it adds. */
    @Transactional
    public void updateVersion(
            long partnershipId, long planId, String versionLabel, List<NewPlan.GlossaryTerm> glossary) {
        if (versionLabel != null) {
            jdbc.sql("UPDATE plan SET version_label = ? WHERE partnership_id = ? AND id = ?")
                    .params(versionLabel, partnershipId, planId)
                    .update();
        }
        for (NewPlan.GlossaryTerm term : glossary) {
            jdbc.sql("""
                    INSERT INTO plan_glossary_term (partnership_id, plan_id, position, term, meaning)
                    SELECT ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM plan_glossary_term WHERE plan_id = ?), ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM plan_glossary_term WHERE plan_id = ? AND term = ?)""")
                    .params(partnershipId, planId, planId, term.term(), term.meaning(), planId, term.term())
                    .update();
        }
    }

    private long insertPlan(long partnershipId, String externalId, NewPlan plan, Instant createdAt) {
        return template.execute((Connection c) -> {
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
                INSERT INTO plan_glossary_term (partnership_id, plan_id, position, term, meaning) VALUES (?, ?, ?, ?, ?)""", terms);
        List<Object[]> links = plan.links().stream()
                .map(l -> new Object[] {partnershipId, planId, l})
                .toList();
        template.batchUpdate("INSERT INTO plan_link (partnership_id, plan_id, label) VALUES (?, ?, ?)", links);
    }

    private Map<String, Long> insertActions(
            long partnershipId, long planId, List<PendingAction> pending, Instant createdAt) {
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (PendingAction p : pending) {
            NewPlan.Action a = p.action();
            DueDate due = a.due() == null ? DueDate.parse(null) : a.due();
            rows.add(new Object[] {
                partnershipId,
                planId,
                p.sectionId(),
                p.externalId(),
                p.position(),
                a.ref(),
                a.text(),
                a.leadRaw(),
                a.oversightRaw(),
                a.oversightBodyId(),
                a.expectedImpact(),
                a.evidenceOfImpact(),
                due.raw(),
                sqlDate(due.date()),
                due.precision().name(),
                sqlDate(due.rangeStart()),
                due.note(),
                due.raw(),
                sqlDate(due.date()),
                due.precision().name(),
                sqlDate(due.rangeStart()),
                due.note(),
                a.status().name(),
                a.status().name(),
                a.statusWord(),
                Timestamp.from(createdAt),
                // a plan's own "Completed" was signed off when the plan was; its "Behind schedule" is the lead's word
                a.status() == ActionStatus.COMPLETED ? Completion.CONFIRMED.name() : null,
                a.status() == ActionStatus.COMPLETED ? Timestamp.from(createdAt) : null,
                !a.status().isDone() && StatusVocabulary.isOffTrack(a.statusWord())
                        ? sqlDate(createdAt.atZone(clock.getZone()).toLocalDate())
                        : null,
                !a.status().isDone() && StatusVocabulary.isOffTrack(a.statusWord()) ? a.statusWord() : null
            });
        }
        template.batchUpdate("""
                INSERT INTO action (partnership_id, plan_id, section_id, external_id, position, ref, text, lead_raw,
                    oversight_raw, oversight_body_id, expected_impact, evidence_of_impact,
                    original_due_raw, original_due_date, original_due_precision, original_due_start, original_due_note,
                    current_due_raw, current_due_date, current_due_precision, current_due_start, current_due_note,
                    initial_status, status, status_word, created_at, completion, completion_confirmed_at,
                    off_track_since, off_track_word)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT external_id, id FROM action WHERE plan_id = ?")
                .param(planId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    private void insertActionFindingsAndLeads(
            long partnershipId,
            List<PendingAction> pending,
            Map<String, Long> actionIds,
            Map<String, Long> findingIdsByRef) {
        List<Object[]> links = new ArrayList<>();
        List<Object[]> leads = new ArrayList<>();
        for (PendingAction p : pending) {
            long actionId = actionIds.get(p.externalId());
            p.action().findingRefs().stream()
                    .map(ref -> p.sectionFindings().getOrDefault(ref, findingIdsByRef.get(ref)))
                    .filter(Objects::nonNull)
                    .distinct()
                    .forEach(findingId -> links.add(new Object[] {partnershipId, actionId, findingId}));
            List<NewPlan.Lead> actionLeads = p.action().leads();
            for (int i = 0; i < actionLeads.size(); i++) {
                NewPlan.Lead lead = actionLeads.get(i);
                leads.add(new Object[] {partnershipId, actionId, i, lead.agencyId(), lead.personId()});
            }
        }
        template.batchUpdate(
                "INSERT INTO action_finding (partnership_id, action_id, finding_id) VALUES (?, ?, ?)", links);
        template.batchUpdate("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id, person_id) VALUES (?, ?, ?, ?, ?)""", leads);
    }

    static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private record PendingAction(
            String externalId,
            long sectionId,
            int position,
            NewPlan.Action action,
            Map<String, Long> sectionFindings) {}
}
