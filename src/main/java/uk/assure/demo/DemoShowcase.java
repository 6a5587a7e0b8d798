package uk.assure.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.plan.SignOffs;

/**
 * After the year of history, the steps that wait on someone other than the lead, taken today through the same
 * services as the pages: so the demo shows every case of an honest RAG whichever day it loads — a completion awaiting
 * sign-off, one signed off with its impact still to come, a lead's own "behind schedule", a new date requested on a
 * late action, an accepted one that left the action slipped, and an action imported with no due date.
 */
@Component
class DemoShowcase {

    private static final ProgressService.Author LEAD = new ProgressService.Author(null, "Marcus Adeyemi");
    private static final ProgressService.Author MANAGER =
            new ProgressService.Author(null, "Partnership business manager");

    private final JdbcClient jdbc;
    private final ProgressService progress;
    private final SignOffs signOffs;
    private final Clock clock;

    DemoShowcase(JdbcClient jdbc, ProgressService progress, SignOffs signOffs, Clock clock) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.signOffs = signOffs;
        this.clock = clock;
    }

    /** @param scenarios each action's external id with the scenario it was built for, in plan order */
    void show(long partnershipId, List<Map.Entry<String, Scenario>> scenarios) {
        List<String> green = of(scenarios, Scenario.GREEN);
        List<String> red = of(scenarios, Scenario.RED);
        if (green.size() < 5 || red.isEmpty()) {
            return; // a demo too small to show them all: nothing is forced
        }
        LocalDate today = LocalDate.now(clock);
        String claimed = green.get(0);
        progress.record(
                partnershipId,
                claimed,
                version(claimed),
                new ProgressEntry(
                        "Every team has had the training; the register is attached.",
                        ActionStatus.COMPLETED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "https://intranet.example.org/safeguarding/training-register"),
                LEAD);

        String signed = green.get(1);
        progress.record(
                partnershipId,
                signed,
                version(signed),
                new ProgressEntry(
                        "The new protocol is in use across the front door.",
                        ActionStatus.COMPLETED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "https://intranet.example.org/safeguarding/front-door-protocol"),
                LEAD);
        signOffs.confirm(
                partnershipId,
                signed,
                version(signed),
                new SignOffs.Confirmation(
                        "Protocol seen and in use; the audit of its effect is due in the spring.",
                        false,
                        today.plusDays(60)),
                MANAGER);

        String behind = green.get(2);
        progress.record(
                partnershipId,
                behind,
                version(behind),
                ProgressEntry.note("Recruitment to the two posts has stalled again.", ActionStatus.IN_PROGRESS)
                        .withOffTrack(true),
                LEAD);

        String late = red.get(0);
        progress.record(
                partnershipId,
                late,
                version(late),
                ProgressEntry.note("The provider has asked for more time.", ActionStatus.IN_PROGRESS)
                        .withRevisedDue(DueDate.exact(today.plusDays(118)), "The provider changed in the autumn"),
                LEAD);

        String slipped = green.get(3);
        LocalDate due = jdbc.sql("SELECT coalesce(current_due_date, current_date) FROM action WHERE external_id = ?")
                .param(slipped)
                .query(LocalDate.class)
                .single();
        progress.record(
                partnershipId,
                slipped,
                version(slipped),
                ProgressEntry.note("The pilot needs another quarter.", ActionStatus.IN_PROGRESS)
                        .withRevisedDue(
                                DueDate.exact(due.plusMonths(3)), "The pilot started late; agreed at the executive"),
                LEAD);
        signOffs.acceptRevision(partnershipId, slipped, version(slipped), MANAGER);

        // as an imported plan with no date column leaves it: no date to rate it against
        jdbc.sql("""
                UPDATE action SET original_due_raw = NULL, original_due_date = NULL, original_due_precision = 'UNKNOWN',
                    original_due_start = NULL, original_due_note = NULL, current_due_raw = NULL, current_due_date = NULL,
                    current_due_precision = 'UNKNOWN', current_due_start = NULL, current_due_note = NULL,
                    version = version + 1
                WHERE partnership_id = ? AND external_id = ?""").params(partnershipId, green.get(4)).update();
    }

    private int version(String action) {
        return jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(action)
                .query(Integer.class)
                .single();
    }

    private static List<String> of(List<Map.Entry<String, Scenario>> scenarios, Scenario wanted) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Scenario> entry : scenarios) {
            if (entry.getValue() == wanted) {
                ids.add(entry.getKey());
            }
        }
        return ids;
    }
}
