package uk.assure.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.Rag;
import uk.assure.system.Message;
import uk.assure.web.Formats;

/**
 * A board pack as its seven sections, in order: what the page, the PDF and the Word document all print, so that the
 * three cannot say different things. Made by {@link PackAssembler}; every list is in the order it is printed.
 *
 * @param plans the plans it covers, in title order
 * @param comparedWith the snapshot it is compared with, or null when there is none
 * @param madeAt when it was made (for an issued pack, when it was issued)
 * @param staleDays the staleness window: an open action with no update for longer is listed in section 5
 */
public record BoardPack(
        List<PlanRef> plans,
        SnapshotRef comparedWith,
        LocalDate nextMeeting,
        Instant madeAt,
        int staleDays,
        Summary summary,
        List<ExceptionRow> exceptions,
        List<Slip> slippage,
        Changes changes,
        List<AgencyGroup> notUpdated,
        List<DueRow> fallingDue,
        List<DoneRow> completed,
        boolean published) {

    /** The RAG ratings a summary counts, worst first: the columns of its tables and the segments of its bars. */
    public static List<Rag> rags() {
        return List.of(Rag.values());
    }

    public record PlanRef(String externalId, String title) {}

    public record SnapshotRef(String externalId, String name, LocalDate heldOn, Instant takenAt) {}

    /** An action as the pack names it: its plan, ref and words. */
    public record ActionRef(String planExternalId, String planTitle, String externalId, String ref, String text) {}

    /** 1: counts by RAG per plan, per section and per lead agency, each drawn as a chart and written as a table. */
    public record Summary(List<Count> byPlan, List<Count> bySection, List<Count> byAgency) {}

    /** One row of counts: a plan's, a section's or an agency's actions by RAG. */
    public record Count(String label, Map<Rag, Integer> byRag) {
        public int of(Rag rag) {
            return byRag.getOrDefault(rag, 0);
        }

        public int total() {
            return byRag.values().stream().mapToInt(Integer::intValue).sum();
        }

        public List<Integer> cells() {
            return rags().stream().map(this::of).toList();
        }
    }

    /** 2: a red or amber action, why, who leads it, and the latest update with its date (none: both null). */
    public record ExceptionRow(
            ActionRef action, Rag rag, Message reason, String lead, String latestUpdate, LocalDate latestUpdateOn) {}

    /** 3: an action whose due date in force is later than the first one, with each revision and its reason. */
    public record Slip(
            ActionRef action, LocalDate originalDue, LocalDate currentDue, int revisions, List<Revision> reasons) {
        public long daysSlipped() {
            return ChronoUnit.DAYS.between(originalDue, currentDue);
        }
    }

    public record Revision(LocalDate on, LocalDate to, String reason) {

        /** "3 March 2026, to 1 June 2026: staff shortage"; without the reason when it is not for publication. */
        Message words(Formats formats) {
            return reason == null
                    ? Message.of("report.revision.withheld", formats.date(on), formats.date(to))
                    : Message.of("report.revision", formats.date(on), formats.date(to), reason);
        }
    }

    /**
     * 4: what changed since the snapshot, grouped: actions added, completed (confirmed), closed, newly overdue, RAG
     * changed, due date revised, status changed, updates added, findings added. {@code notCovered}: plans of the
     * pack the snapshot did not cover (a snapshot of another plan), compared with nothing.
     */
    public record Changes(
            List<ActionRef> added,
            List<ActionRef> completed,
            List<ActionRef> closed,
            List<ActionRef> newlyOverdue,
            List<RagChange> ragChanged,
            List<DueChange> dueRevised,
            List<StatusChange> statusChanged,
            List<UpdatesAdded> updatesAdded,
            List<FindingAdded> findingsAdded,
            List<PlanRef> notCovered) {

        public boolean none() {
            return added.isEmpty()
                    && completed.isEmpty()
                    && closed.isEmpty()
                    && newlyOverdue.isEmpty()
                    && ragChanged.isEmpty()
                    && dueRevised.isEmpty()
                    && statusChanged.isEmpty()
                    && updatesAdded.isEmpty()
                    && findingsAdded.isEmpty();
        }
    }

    public record RagChange(ActionRef action, Rag from, Rag to) {}

    /** @param reason the reason given for the latest revision since the snapshot, or null */
    public record DueChange(ActionRef action, LocalDate from, LocalDate to, String reason) {}

    public record StatusChange(ActionRef action, ActionStatus from, ActionStatus to) {}

    public record UpdatesAdded(ActionRef action, int count, LocalDate latestOn) {}

    public record FindingAdded(String planTitle, String ref, String text) {}

    /** 5: a lead agency's open actions with no update within the staleness window, longest first. */
    public record AgencyGroup(String agency, List<StaleRow> actions) {}

    public record StaleRow(ActionRef action, LocalDate lastUpdateOn, long days) {}

    /** 6: an open action due between today and the next meeting, soonest first. */
    public record DueRow(ActionRef action, LocalDate due, Rag rag, String lead) {}

    /**
     * 7: an action signed off as completed since the snapshot, with the evidence of impact recorded.
     *
     * @param impactEvidenced the sign-off's answer: is the evidence of impact in (null: not asked)
     */
    public record DoneRow(ActionRef action, String lead, String evidenceOfImpact, Boolean impactEvidenced) {}
}
