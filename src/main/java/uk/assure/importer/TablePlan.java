package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import uk.assure.plan.StatusVocabulary;

/**
 * The table assembler's last stage: its drafts through the field parsers into a {@link ParsedPlan}, with the cover,
 * the glossary, the column mapping, the status vocabulary and the warnings.
 */
final class TablePlan {

    private TablePlan() {}

    static ParsedPlan build(
            String fileName,
            String format,
            PlanHeading heading,
            CoverBlock cover,
            HeaderMapping mapping,
            PlanDrafts drafts,
            StatusKey statusKey,
            Warnings warnings) {
        boolean progressIsStatus = !mapping.anyStatusColumn() && progressStartsWithStatus(drafts.actions);
        List<ParsedPlan.Action> actions = new ArrayList<>();
        for (ActionDraft draft : drafts.actions) {
            if (draft.status == null && progressIsStatus) {
                draft.status = draft.progress; // a progress column whose cells open with a status
            }
            ParsedPlan.Action action = draft.parse(warnings);
            actions.add(action);
            statusKey.used(action);
        }
        List<ParsedPlan.Finding> findings =
                drafts.findings.stream().map(FindingDraft::parse).toList();
        return new ParsedPlan(
                fileName,
                format,
                heading.title,
                heading.organisation,
                heading.inspectionDate,
                heading.documentDate,
                heading.versionLabel,
                heading.leadOfficer,
                cover.planSuccess(),
                cover.planMeasures(),
                List.copyOf(heading.links),
                statusKey.vocabulary(),
                List.copyOf(drafts.sections),
                findings,
                actions,
                cover.glossary(),
                mapping.columns(),
                warnings.copy());
    }

    /** Half or more of the progress cells open with a status word ("Green – on track"). */
    static boolean progressStartsWithStatus(List<ActionDraft> actions) {
        int cells = 0;
        int statuses = 0;
        for (ActionDraft draft : actions) {
            if (draft.progress != null) {
                cells++;
                if (StatusVocabulary.read(draft.progress).isPresent()) {
                    statuses++;
                }
            }
        }
        return cells > 0 && statuses * 2 >= cells;
    }
}
