package uk.assure.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of demo progress updates: invented, about the work and never about a child. {@code {body}} becomes the
 * name of the body overseeing the action. One instance serves one action, so its history does not repeat itself.
 */
final class Narratives {

    static final List<String> NOT_STARTED = List.of(
            "Scoping meeting held with partners; work will begin once the revised procedure is agreed.",
            "Not started yet: the lead is confirmed and a project plan goes to the {body} next month.",
            "Discussed at the {body}; partners agreed the approach and a start date.",
            "Waiting for the new performance report to be built before this work can begin.",
            "Draft terms of reference written and the first task and finish meeting booked.");

    static final List<String> STARTED = List.of(
            "Task and finish group set up with members from each statutory partner; first meeting held.",
            "Work has begun: project plan agreed and milestones reported to the {body}.",
            "Lead officer appointed and scoping complete; drafting has started.",
            "Start-up workshop held with frontline managers from children's social care, police and health.",
            "Baseline audit started so that progress can be measured against it.");

    static final List<String> PROGRESS = List.of(
            "Draft circulated to partners for comment; feedback due before the next {body}.",
            "Pilot running in two teams; early feedback from practitioners is positive.",
            "Progress reported to the {body}, which asked for a further update at its next meeting.",
            "Training delivered to three groups of staff; attendance from health and schools has been good.",
            "Dip sample of 15 cases completed and findings shared with team managers.",
            "Data now collected monthly; the first report shows some improvement but it is too early to judge impact.",
            "Guidance revised after comments from the police and the designated nurse.",
            "Partners have agreed the new process; go-live date set and staff briefings drafted.",
            "The new post has been filled and the post holder starts next month.",
            "Practitioners tested the draft at a workshop; it has been simplified as a result.",
            "Audit fieldwork complete; report being written.",
            "Half of the planned briefings delivered; the rest are booked.");

    static final List<String> SLIPPED = List.of(
            "Work is taking longer than planned; the {body} agreed a new date.",
            "Progress has slowed; a revised timetable has been agreed with the lead.",
            "The original date will not be met. New date agreed at the {body}.",
            "Delayed: partners asked for more consultation before sign-off.");

    static final List<String> START_PUT_BACK = List.of(
            "Start put back; the {body} agreed a new date.",
            "Not started: the team needed for this is still being recruited, so the date has moved.");

    static final List<String> REVISION_REASONS = List.of(
            "Staff vacancies in the team leading the work",
            "Waiting for the new case recording system to go live",
            "Partners asked for more time to consult frontline staff",
            "Depends on the revised threshold document, which was itself delayed",
            "The lead changed and the handover took longer than expected",
            "Extra time agreed so that the pilot can run for a full quarter");

    static final List<String> COMPLETED = List.of(
            "Completed: the new procedure is in place and published on the partnership website.",
            "Completed. Signed off by the {body}; impact will be tested in the next multi-agency audit.",
            "All planned training delivered and evaluated; action complete.",
            "Completed: signed by all statutory partners.",
            "Audit complete and report presented to the {body}; learning briefing published.");

    static final List<String> CLOSED = List.of(
            "Closed by the {body}: the service this action was about has been redesigned.",
            "Closed by the {body}: the need is now met by the regional programme.");

    static final List<String> CLOSED_REASONS = List.of(
            "No longer needed after the service was redesigned",
            "Now delivered by the regional programme, which reports to the {body}");

    static final List<String> SUPERSEDED = List.of(
            "Superseded by a wider action in the partnership business plan.",
            "Replaced by the new partnership procedure agreed at the {body}.");

    static final List<String> SUPERSEDED_REASONS = List.of(
            "Replaced by a wider action in the partnership business plan",
            "The new partnership procedure covers this work");

    static final List<String> DECLARED_RED = List.of(
            "Timescale missed; a recovery plan goes to the {body}", "A gap in staffing means the date will be missed");

    static final List<String> DECLARED_AMBER =
            List.of("Late, but the lead expects to finish within weeks", "Main work done; waiting for sign-off");

    static final List<String> DECLARED_GREEN =
            List.of("On track against every milestone", "Milestones met this quarter");

    private final Dice dice;
    private final String body;
    private final Set<String> used = new HashSet<>();

    Narratives(Dice dice, String body) {
        this.dice = dice;
        this.body = body;
    }

    /** A phrase from the list, not yet used for this action while the list has one left. */
    String pick(List<String> phrases) {
        int start = dice.below(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get((start + i) % phrases.size());
            if (used.add(phrase)) {
                return phrase.replace("{body}", body);
            }
        }
        return phrases.get(start).replace("{body}", body);
    }
}
