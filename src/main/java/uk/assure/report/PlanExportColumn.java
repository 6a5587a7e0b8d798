package uk.assure.report;

import java.util.function.Function;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.system.Message;

/**
 * The columns of a plan export, in one place and in the plan's order: each with the words of its heading (headings
 * the importer reads by meaning, so an export imports back as the same plan) and what goes in its cell. The Word,
 * Excel and CSV exports all write these.
 */
enum PlanExportColumn {
    REF(Message.of("export.column.ref"), r -> r.action().ref()),
    FINDING(Message.of("export.column.finding"), PlanExport.Row::findingCell),
    ACTION(Message.of("export.column.action"), r -> r.action().text()),
    LEAD(Message.of("export.column.lead"), r -> r.action().lead()),
    DUE(Message.of("export.column.due"), r -> due(r.action())),
    OVERSIGHT(Message.of("export.column.oversight"), r -> r.action().oversight()),
    IMPACT(Message.of("export.column.impact"), r -> r.action().expectedImpact()),
    EVIDENCE(Message.of("export.column.evidence"), r -> r.action().evidenceOfImpact()),
    STATUS(Message.of("export.column.status"), r -> r.action().statusLabel()),
    /** Worked out today, never typed: its heading names no field of a plan, so an import leaves it out. */
    RAG(Message.of("export.column.rag"), r -> null);

    private final Message heading;
    private final Function<PlanExport.Row, String> value;

    PlanExportColumn(Message heading, Function<PlanExport.Row, String> value) {
        this.heading = heading;
        this.value = value;
    }

    Message heading() {
        return heading;
    }

    /** The cell's text as written in the plan (empty for none), not yet made safe for a spreadsheet. */
    String text(PlanExport.Row row) {
        String text = value.apply(row);
        return text == null ? "" : text;
    }

    private static String due(ActionPage action) {
        return action.currentDue() == null ? "" : action.currentDue().display();
    }
}
