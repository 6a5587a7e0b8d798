package uk.assure.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;

/**
 * A generated plan for the benchmarks, written through the app's own services into its first partnership: ten
 * sections of two findings, the actions spread over them with due months from 2024 to 2027, and the updates; the same
 * seed gives the same plan. Call it inside a partnership's scope.
 */
final class GeneratedPlan {

    private GeneratedPlan() {}

    /** Writes the plan and returns its external id. */
    static String write(ConfigurableApplicationContext app, long seed, int actionCount, int updatesPerAction) {
        long partnership = app.getBean(PartnershipDirectory.class)
                .firstPartnership()
                .orElseThrow()
                .id();
        Random random = new Random(seed);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
        List<NewPlan.Section> sections = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            List<NewPlan.Finding> findings = List.of(
                    new NewPlan.Finding(
                            s + ".1", FindingKind.AREA_FOR_IMPROVEMENT, "Finding " + s + ".1 " + words(random, 40)),
                    new NewPlan.Finding(
                            s + ".2", FindingKind.AREA_FOR_IMPROVEMENT, "Finding " + s + ".2 " + words(random, 40)));
            List<NewPlan.Action> actions = new ArrayList<>();
            for (int a = 1; a <= actionCount / 10; a++) {
                String due = months[random.nextInt(12)] + "." + (24 + random.nextInt(4));
                actions.add(new NewPlan.Action(
                        s + "." + (1 + a % 2) + "." + a,
                        words(random, 30),
                        List.of(s + "." + (1 + a % 2)),
                        List.of(),
                        "Lead agency " + random.nextInt(8),
                        DueDate.parse(due),
                        "Partnership Executive",
                        null,
                        words(random, 20),
                        words(random, 20),
                        ActionStatus.NOT_STARTED,
                        null));
            }
            sections.add(new NewPlan.Section(String.valueOf(s), "Section " + s, null, findings, actions));
        }
        NewPlan plan = new NewPlan(
                "Benchmark plan",
                PlanKind.INSPECTION,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                sections);
        PlanWriter.Created created = app.getBean(PlanWriter.class).create(partnership, plan, Instant.now());
        ProgressService progress = app.getBean(ProgressService.class);
        for (String action : created.actionIdsByExternalId().keySet()) {
            for (int u = 0; u < updatesPerAction; u++) {
                progress.record(
                        partnership,
                        action,
                        u,
                        ProgressEntry.note(words(random, 25), ActionStatus.IN_PROGRESS),
                        new ProgressService.Author(null, "Benchmark"));
            }
        }
        return created.externalId();
    }

    static String words(Random random, int count) {
        String[] vocabulary = {
            "review",
            "multi-agency",
            "audit",
            "training",
            "safeguarding",
            "practice",
            "board",
            "information",
            "sharing",
            "strategy",
            "meeting",
            "children",
            "risk",
            "assessment",
            "referral",
            "supervision"
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return out.toString();
    }
}
