package uk.assure.plan;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.ActionRow;
import uk.assure.plan.PlanViews.FindingView;
import uk.assure.plan.PlanViews.LinkedAction;
import uk.assure.plan.PlanViews.PlanListItem;
import uk.assure.plan.PlanViews.PlanPage;
import uk.assure.plan.PlanViews.SectionView;
import uk.assure.plan.PlanViews.UpdateView;

/** Reads for the pages. Every method takes the partnership first: there is no way to ask across partnerships. */
@Repository
@Transactional(readOnly = true)
public class PlanQueries {

    private final JdbcClient jdbc;
    private final RagCalculator rag;
    private final Clock clock;

    PlanQueries(JdbcClient jdbc, RagCalculator rag, Clock clock) {
        this.jdbc = jdbc;
        this.rag = rag;
        this.clock = clock;
    }

    public List<PlanListItem> listPlans(long partnershipId) {
        Map<Long, Map<Rag, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT a.plan_id, " + RagColumns.SELECT + " FROM action a WHERE a.partnership_id = ?")
                .param(partnershipId)
                .query(rs -> {
                    RagAssessment r = rag.assess(RagColumns.read(rs, clock.getZone()));
                    counts.computeIfAbsent(rs.getLong("plan_id"), k -> new EnumMap<>(Rag.class))
                            .merge(r.rag(), 1, Integer::sum);
                });
        return jdbc.sql("""
                SELECT id, external_id, title, kind, area, version_label, issued_on,
                       (SELECT count(*) FROM action a WHERE a.plan_id = p.id) AS actions
                FROM plan p WHERE partnership_id = ? ORDER BY created_at DESC, title""")
                .param(partnershipId)
                .query((rs, n) -> new PlanListItem(
                        rs.getString("external_id"),
                        rs.getString("title"),
                        PlanKind.valueOf(rs.getString("kind")),
                        rs.getString("area"),
                        rs.getString("version_label"),
                        localDate(rs, "issued_on"),
                        rs.getInt("actions"),
                        counts.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    public Optional<PlanPage> findPlan(long partnershipId, String planExternalId) {
        return jdbc.sql("SELECT * FROM plan WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, planExternalId)
                .query((rs, n) -> planPage(partnershipId, rs))
                .optional();
    }

    private PlanPage planPage(long partnershipId, ResultSet rs) throws SQLException {
        long planId = rs.getLong("id");
        List<NewPlan.GlossaryTerm> glossary = glossary(partnershipId, planId);
        List<String> links = jdbc.sql(
                        "SELECT label FROM plan_link WHERE partnership_id = ? AND plan_id = ? ORDER BY id")
                .params(partnershipId, planId)
                .query(String.class)
                .list();
        return new PlanPage(
                rs.getString("external_id"),
                rs.getString("title"),
                PlanKind.valueOf(rs.getString("kind")),
                rs.getString("source"),
                rs.getString("area"),
                rs.getString("version_label"),
                rs.getString("lead_officer"),
                localDate(rs, "issued_on"),
                rs.getString("preamble"),
                rs.getString("success_criteria"),
                rs.getString("measures"),
                strings(rs.getArray("status_vocabulary")),
                glossary,
                links,
                sections(partnershipId, planId));
    }

    private List<NewPlan.GlossaryTerm> glossary(long partnershipId, long planId) {
        return jdbc.sql(
                        "SELECT term, meaning FROM plan_glossary_term WHERE partnership_id = ? AND plan_id = ? ORDER BY position")
                .params(partnershipId, planId)
                .query((g, n) -> new NewPlan.GlossaryTerm(g.getString(1), g.getString(2)))
                .list();
    }

    private List<SectionView> sections(long partnershipId, long planId) {
        Map<Long, List<FindingView>> findings = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT section_id, external_id, ref, kind, text FROM finding
                WHERE partnership_id = ? AND plan_id = ? ORDER BY position""").params(partnershipId, planId).query(rs -> {
            findings.computeIfAbsent(rs.getLong("section_id"), k -> new ArrayList<>())
                    .add(finding(rs));
        });
        Map<Long, List<ActionRow>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.section_id, a.external_id, a.ref, a.text, a.lead_raw, a.status_word, """ + RagColumns.SELECT + """
                       ,
                       (SELECT string_agg(coalesce(ag.short_name, ag.name, pe.name), ', ' ORDER BY l.position)
                          FROM action_lead l LEFT JOIN agency ag ON ag.id = l.agency_id LEFT JOIN person pe ON pe.id = l.person_id
                         WHERE l.action_id = a.id) AS lead_names,
                       (SELECT array_agg(f.ref ORDER BY f.position) FROM action_finding af JOIN finding f ON f.id = af.finding_id
                         WHERE af.action_id = a.id AND f.ref IS NOT NULL) AS finding_refs
                FROM action a WHERE a.partnership_id = ? AND a.plan_id = ? ORDER BY a.position""").params(partnershipId, planId).query(rs -> {
            ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
            DueDate due = dueOf(rs, "current_due");
            String lead = rs.getString("lead_raw") != null ? rs.getString("lead_raw") : rs.getString("lead_names");
            actions.computeIfAbsent(rs.getLong("section_id"), k -> new ArrayList<>())
                    .add(new ActionRow(
                            rs.getString("external_id"),
                            rs.getString("ref"),
                            rs.getString("text"),
                            lead,
                            due,
                            status,
                            rs.getString("status_word"),
                            rag.assess(RagColumns.read(rs, clock.getZone())),
                            strings(rs.getArray("finding_refs"))));
        });
        return jdbc.sql(
                        "SELECT id, ref, title, description FROM section WHERE partnership_id = ? AND plan_id = ? ORDER BY position")
                .params(partnershipId, planId)
                .query((rs, n) -> new SectionView(
                        rs.getString("ref"),
                        rs.getString("title"),
                        rs.getString("description"),
                        findings.getOrDefault(rs.getLong("id"), List.of()),
                        actions.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public Optional<ActionPage> findAction(long partnershipId, String actionExternalId) {
        return jdbc.sql("""
                SELECT a.*, p.external_id AS plan_external_id, p.title AS plan_title, s.title AS section_title,
                       b.name AS body_name, coalesce(a.last_update_at, a.created_at) AS active
                FROM action a JOIN plan p ON p.id = a.plan_id
                LEFT JOIN section s ON s.id = a.section_id LEFT JOIN body b ON b.id = a.oversight_body_id
                WHERE a.partnership_id = ? AND a.external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query((rs, n) -> actionPage(partnershipId, rs))
                .optional();
    }

    private ActionPage actionPage(long partnershipId, ResultSet rs) throws SQLException {
        long actionId = rs.getLong("id");
        ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
        DueDate currentDue = dueOf(rs, "current_due");
        List<String> leadNames = jdbc.sql("""
                SELECT trim(concat_ws(', ', pe.name, coalesce(ag.name, pag.name))) FROM action_lead l
                LEFT JOIN agency ag ON ag.id = l.agency_id LEFT JOIN person pe ON pe.id = l.person_id
                LEFT JOIN agency pag ON pag.id = pe.agency_id
                WHERE l.partnership_id = ? AND l.action_id = ? ORDER BY l.position""")
                .params(partnershipId, actionId)
                .query(String.class)
                .list();
        List<FindingView> findings = jdbc.sql("""
                SELECT f.external_id, f.ref, f.kind, f.text FROM action_finding af JOIN finding f ON f.id = af.finding_id
                WHERE af.partnership_id = ? AND af.action_id = ? ORDER BY f.position""")
                .params(partnershipId, actionId)
                .query((f, n) -> finding(f))
                .list();
        List<LinkedAction> linked = jdbc.sql("""
                SELECT o.external_id, p.external_id, p.title, o.ref, o.text FROM action_link l
                JOIN action o ON o.id = l.linked_action_id JOIN plan p ON p.id = o.plan_id
                WHERE l.partnership_id = ? AND l.action_id = ? ORDER BY p.title, o.position""")
                .params(partnershipId, actionId)
                .query((l, n) -> new LinkedAction(
                        l.getString(1), l.getString(2), l.getString(3), l.getString(4), l.getString(5)))
                .list();
        String oversight =
                rs.getString("body_name") != null ? rs.getString("body_name") : rs.getString("oversight_raw");
        String declared = rs.getString("declared_rag");
        return new ActionPage(
                rs.getString("external_id"),
                rs.getString("plan_external_id"),
                rs.getString("plan_title"),
                rs.getString("section_title"),
                rs.getString("ref"),
                rs.getString("text"),
                rs.getString("lead_raw"),
                leadNames,
                oversight,
                rs.getString("expected_impact"),
                rs.getString("evidence_of_impact"),
                dueOf(rs, "original_due"),
                currentDue,
                ActionStatus.valueOf(rs.getString("initial_status")),
                status,
                rs.getString("status_word"),
                declared == null ? null : Rag.valueOf(declared),
                rs.getString("declared_rag_reason"),
                rag.assess(RagColumns.read(rs, clock.getZone())),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_update_at")),
                rs.getInt("version"),
                findings,
                linked,
                history(partnershipId, actionId),
                glossary(partnershipId, rs.getLong("plan_id")),
                signOff(rs));
    }

    private static PlanViews.SignOff signOff(ResultSet rs) throws SQLException {
        String completion = rs.getString("completion");
        Date offTrack = rs.getDate("off_track_since");
        return new PlanViews.SignOff(
                completion == null ? null : Completion.valueOf(completion),
                rs.getObject("completion_claimed_by", Long.class),
                instant(rs.getTimestamp("completion_claimed_at")),
                rs.getObject("impact_evidenced", Boolean.class),
                localDate(rs, "impact_review_on"),
                rs.getString("requested_due_precision") == null ? null : dueOf(rs, "requested_due"),
                rs.getString("requested_due_reason"),
                rs.getObject("requested_due_by", Long.class),
                rs.getInt("revisions"),
                offTrack == null ? null : new LeadJudgement(rs.getString("off_track_word"), offTrack.toLocalDate()),
                rs.getObject("oversight_body_id", Long.class));
    }

    public List<UpdateView> history(long partnershipId, long actionId) {
        Map<Long, List<PlanViews.FileLink>> files = new HashMap<>();
        jdbc.sql("""
                SELECT e.update_id, e.external_id, e.file_name, e.size_bytes FROM evidence_file e
                JOIN progress_update u ON u.id = e.update_id
                WHERE e.partnership_id = ? AND u.action_id = ? ORDER BY e.id""").params(partnershipId, actionId).query(rs -> {
            files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new PlanViews.FileLink(rs.getString(2), rs.getString(3), rs.getLong(4)));
        });
        return jdbc.sql("""
                SELECT * FROM progress_update WHERE partnership_id = ? AND action_id = ? ORDER BY recorded_at DESC, id DESC""")
                .params(partnershipId, actionId)
                .query((rs, n) -> {
                    String declared = rs.getString("declared_rag");
                    DueDate revised = rs.getString("revised_due_precision") == null ? null : dueOf(rs, "revised_due");
                    return new UpdateView(
                            rs.getString("external_id"),
                            rs.getString("author_name"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("narrative"),
                            ActionStatus.valueOf(rs.getString("status_before")),
                            ActionStatus.valueOf(rs.getString("status_after")),
                            rs.getString("status_word"),
                            rs.getString("status_reason"),
                            revised,
                            rs.getString("revision_reason"),
                            declared == null ? null : Rag.valueOf(declared),
                            rs.getString("declared_rag_reason"),
                            rs.getString("evidence_url"),
                            files.getOrDefault(rs.getLong("id"), List.of()),
                            rs.getString("step"),
                            rs.getObject("off_track", Boolean.class),
                            rs.getObject("impact_evidenced", Boolean.class),
                            localDate(rs, "impact_review_on"));
                })
                .list();
    }

    private static FindingView finding(ResultSet rs) throws SQLException {
        return new FindingView(
                rs.getString("external_id"),
                rs.getString("ref"),
                FindingKind.valueOf(rs.getString("kind")),
                rs.getString("text"));
    }

    /** Reads the five columns a due date is stored in, named {@code <prefix>_raw}, {@code _date}, ... */
    static DueDate dueOf(ResultSet rs, String prefix) throws SQLException {
        String precision = rs.getString(prefix + "_precision");
        return new DueDate(
                rs.getString(prefix + "_raw"),
                localDate(rs, prefix + "_date"),
                precision == null ? DuePrecision.UNKNOWN : DuePrecision.valueOf(precision),
                localDate(rs, prefix + "_start"),
                rs.getString(prefix + "_note"),
                null);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The agencies that lead an action: named as the lead, or the agency of a lead person. */
    @Transactional(readOnly = true)
    public Set<Long> leadAgencyIds(long partnershipId, String actionExternalId) {
        return new HashSet<>(jdbc.sql("""
                SELECT coalesce(l.agency_id, pe.agency_id) FROM action_lead l
                JOIN action a ON a.id = l.action_id
                LEFT JOIN person pe ON pe.id = l.person_id
                WHERE a.partnership_id = ? AND a.external_id = ? AND coalesce(l.agency_id, pe.agency_id) IS NOT NULL""")
                .params(partnershipId, actionExternalId)
                .query(Long.class)
                .list());
    }

    /** The plan an action belongs to, if the action is the partnership's. */
    @Transactional(readOnly = true)
    public Optional<String> planOfAction(long partnershipId, String actionExternalId) {
        return jdbc.sql("""
                SELECT p.external_id FROM action a JOIN plan p ON p.partnership_id = a.partnership_id AND p.id = a.plan_id
                WHERE a.partnership_id = ? AND a.external_id = ?""")
                .params(partnershipId, actionExternalId)
                .query(String.class)
                .optional();
    }
}
