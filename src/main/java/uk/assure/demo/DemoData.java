package uk.assure.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.demo.DemoPlans.PlannedAction;
import uk.assure.demo.DemoPlans.PlannedPlan;
import uk.assure.demo.DemoPlans.PlannedUpdate;
import uk.assure.partnership.EmptyDatabase;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.partnership.PartnershipDirectory.Partnership;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressService;
import uk.assure.system.AssureProperties;

/**
 * Loads the demo partnership: an invented borough with its agencies, people and governance bodies, three plans of
 * different kinds and a year of progress history, all through the same services the app uses. Dates count back from
 * the clock's today and every choice comes from one fixed seed, so the same day always gives the same data and every
 * RAG state shows whichever day it runs.
 */
@Component
class DemoData {

    /** Fixed, so the demo is the same on every run of the same day. */
    static final long SEED = 20_190_308L;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PartnershipDirectory directory;
    private final PlanWriter writer;
    private final ProgressService progress;
    private final Clock clock;
    private final AssureProperties properties;
    private final DemoShowcase showcase;

    DemoData(
            PartnershipDirectory directory,
            PlanWriter writer,
            ProgressService progress,
            Clock clock,
            AssureProperties properties,
            DemoShowcase showcase) {
        this.showcase = showcase;
        this.properties = properties;
        this.directory = directory;
        this.writer = writer;
        this.progress = progress;
        this.clock = clock;
    }

    /** On an empty database, when the demo is wanted (ASSURE_DEMO_DATA, on by default): the demo partnership. */
    @EventListener
    void emptyDatabase(EmptyDatabase event) {
        if (properties.demoData()) {
            load();
        }
    }

    /** Creates the demo partnership and returns it. */
    @Transactional
    public Partnership load() {
        Partnership partnership = directory.createPartnership(DemoDirectory.PARTNERSHIP);
        DemoDirectory.Ids ids = createDirectory(partnership.id());
        List<PlannedPlan> plans = DemoPlans.build(new Random(SEED), clock, ids);
        int updates = 0;
        List<Map.Entry<String, Scenario>> scenarios = new ArrayList<>();
        for (PlannedPlan plan : plans) {
            PlanWriter.Created created = writer.create(partnership.id(), plan.plan(), plan.createdAt());
            updates += recordHistory(partnership.id(), plan, created.actionExternalIds());
            for (int i = 0; i < plan.actions().size(); i++) {
                scenarios.add(Map.entry(
                        created.actionExternalIds().get(i),
                        plan.actions().get(i).scenario()));
            }
        }
        showcase.show(partnership.id(), scenarios);
        log.info(
                "Demo partnership loaded: {} plans, {} actions, {} progress updates; actions by scenario {}",
                plans.size(),
                plans.stream().mapToInt(p -> p.actions().size()).sum(),
                updates,
                DemoPlans.count(plans));
        return partnership;
    }

    private DemoDirectory.Ids createDirectory(long partnershipId) {
        Map<String, Long> agencies = new HashMap<>();
        for (DemoDirectory.AgencySpec agency : DemoDirectory.AGENCIES) {
            agencies.put(
                    agency.key(),
                    directory.createAgency(partnershipId, agency.name(), agency.shortName(), agency.aliases()));
        }
        Map<String, Long> people = new HashMap<>();
        for (DemoDirectory.PersonSpec person : DemoDirectory.PEOPLE) {
            people.put(
                    person.key(),
                    directory.createPerson(
                            partnershipId, person.name(), person.jobTitle(), agencies.get(person.agencyKey())));
        }
        Map<String, Long> bodies = new HashMap<>();
        for (DemoDirectory.BodySpec body : DemoDirectory.BODIES) {
            bodies.put(body.key(), directory.createBody(partnershipId, body.name(), body.aliases()));
        }
        return new DemoDirectory.Ids(agencies, people, bodies);
    }

    /** Each action's updates in order, each against the version the one before it left. */
    private int recordHistory(long partnershipId, PlannedPlan plan, List<String> actionExternalIds) {
        if (actionExternalIds.size() != plan.actions().size()) {
            throw new IllegalStateException("Plan " + plan.plan().title() + " stored " + actionExternalIds.size()
                    + " actions, not " + plan.actions().size());
        }
        int recorded = 0;
        for (int i = 0; i < actionExternalIds.size(); i++) {
            PlannedAction action = plan.actions().get(i);
            int version = 0;
            for (PlannedUpdate update : action.updates()) {
                version = progress.recordAt(
                                partnershipId,
                                actionExternalIds.get(i),
                                version,
                                update.entry(),
                                new ProgressService.Author(null, update.author()),
                                update.at())
                        .newVersion();
                recorded++;
            }
        }
        return recorded;
    }
}
