package uk.assure.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.FindingView;
import uk.assure.plan.PlanViews.PlanPage;
import uk.assure.plan.PlanViews.SectionView;

/**
 * One plan as every export writes it: the plan, and its actions in the plan's order, each with its section and the
 * finding cell that introduces it (a finding's ref and text on the first action that answers it, empty below, as
 * plans are written). Built once by {@link PlanExports}, after access was decided.
 */
record PlanExport(PlanPage plan, List<Row> rows) {

    /** An action's row: its section's title, the finding cell above it (empty when carried down) and the action. */
    record Row(String section, String findingCell, ActionPage action) {}

    /** The status words a person may pick from: the plan's own, else ours. */
    List<String> statusWords() {
        if (!plan.statusVocabulary().isEmpty()) {
            return plan.statusVocabulary();
        }
        List<String> ours = new ArrayList<>();
        for (ActionStatus status : ActionStatus.values()) {
            ours.add(status.label());
        }
        return ours;
    }

    static PlanExport of(PlanPage plan, List<ActionPage> actions) {
        List<Row> rows = new ArrayList<>();
        int next = 0;
        for (SectionView section : plan.sections()) {
            Set<String> shown = new HashSet<>();
            String previous = null;
            for (int i = 0; i < section.actions().size(); i++) {
                ActionPage action = actions.get(next++);
                FindingView finding =
                        action.findings().isEmpty() ? null : action.findings().get(0);
                String cell = "";
                if (finding != null && !finding.externalId().equals(previous) && shown.add(finding.externalId())) {
                    cell = finding.ref() == null || finding.ref().isBlank()
                            ? finding.text()
                            : finding.ref() + " " + finding.text();
                }
                previous = finding == null ? null : finding.externalId();
                rows.add(new Row(section.title(), cell, action));
            }
        }
        return new PlanExport(plan, rows);
    }
}
