package uk.assure.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PDF-column assembler's last stage: its actions, in the order of their refs, with their sections and the
 * findings they answer, through the field parsers into a {@link ParsedPlan}, with a first warning that the fields were
 * read from print order.
 */
final class ColumnTextPlan {

    private ColumnTextPlan() {}

    static ParsedPlan build(
            String fileName,
            String format,
            PrintedCover cover,
            Objectives objectives,
            ActionLines actionLines,
            List<ParsedPlan.Finding> findings,
            Warnings warnings) {
        List<ParsedPlan.Action> actions = new ArrayList<>();
        for (PrintedAction draft : inRefOrder(actionLines.drafts())) {
            int number = Integer.parseInt(draft.objective());
            draft.section = objectives.section(number);
            draft.findingRefs.addAll(objectives.findingRefs(number));
            if (objectives.isEmpty()) {
                // no sections: "Recommendation 2:" listed before the table is what actions 2.x answer
                findings.stream()
                        .filter(f -> f.ref().endsWith(" " + number))
                        .findFirst()
                        .ifPresent(f -> draft.findingRefs.add(f.ref()));
            }
            if (draft.pendingMonth != null && draft.due == null) {
                draft.due = draft.pendingMonth;
            } else if (draft.pendingMonth != null) {
                warnings.notImported(
                        draft.pendingAt,
                        "a month with no year in among the lines of action " + draft.ref,
                        draft.pendingMonth);
            }
            draft.status = draft.progress;
            actions.add(draft.parse(warnings));
        }
        warnings.first("read as text copied from a PDF, whose columns came out as separate lines: check each "
                + "action's lead, timescale and success criteria against the original");
        List<ParsedPlan.ColumnMapping> columns = new ArrayList<>(List.of(
                new ParsedPlan.ColumnMapping("lines starting with a ref (1.1, 1.2.1)", "action"),
                new ParsedPlan.ColumnMapping("date lines", "due"),
                new ParsedPlan.ColumnMapping("short lines naming a role or body", "lead"),
                new ParsedPlan.ColumnMapping("the next block of lines", "success criteria")));
        if (actionLines.progressColumn()) {
            columns.add(new ParsedPlan.ColumnMapping("a further block of lines", "progress"));
        }
        columns.add(new ParsedPlan.ColumnMapping("objectives ending (Finding N)", "section"));
        return new ParsedPlan(
                fileName,
                format,
                cover.title(),
                null,
                null,
                null,
                null,
                null,
                cover.planSuccess(),
                null,
                List.of(),
                List.of(),
                objectives.sections(),
                List.copyOf(findings),
                actions,
                List.of(),
                List.copyOf(columns),
                warnings.copy());
    }

    /**
     * The actions in the order of their refs (1.2 before 1.2.1 before 1.3), as the plan numbered them: a PDF can print
     * a row out of place ("4.1" after "4.4"). Kept in print order when a ref repeats.
     */
    static List<PrintedAction> inRefOrder(List<PrintedAction> drafts) {
        Set<String> refs = new HashSet<>();
        for (PrintedAction d : drafts) {
            if (!refs.add(d.ref)) {
                return drafts;
            }
        }
        Comparator<PrintedAction> byRef = (a, b) -> {
            String[] x = a.ref.split("\\.");
            String[] y = b.ref.split("\\.");
            for (int k = 0; k < Math.min(x.length, y.length); k++) {
                int c = Integer.compare(Integer.parseInt(x[k]), Integer.parseInt(y[k]));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        };
        return drafts.stream().sorted(byRef).toList();
    }
}
