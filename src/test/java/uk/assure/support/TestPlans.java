package uk.assure.support;

import java.util.ArrayList;
import java.util.List;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;

/** Builders for plans in tests: {@code aPlan().with(aSection("1").with(anAction("1.1").due("Mar.19")))}. */
public final class TestPlans {

    private TestPlans() {}

    public static PlanBuilder aPlan() {
        return new PlanBuilder();
    }

    public static SectionBuilder aSection(String ref) {
        return new SectionBuilder(ref);
    }

    public static ActionBuilder anAction(String ref) {
        return new ActionBuilder(ref);
    }

    public static final class PlanBuilder {
        private String title = "Test inspection plan";
        private final List<NewPlan.GlossaryTerm> glossary = new ArrayList<>();
        private final List<NewPlan.Section> sections = new ArrayList<>();

        public PlanBuilder titled(String title) {
            this.title = title;
            return this;
        }

        public PlanBuilder withTerm(String term, String meaning) {
            glossary.add(new NewPlan.GlossaryTerm(term, meaning));
            return this;
        }

        public PlanBuilder with(SectionBuilder section) {
            sections.add(section.build());
            return this;
        }

        public NewPlan build() {
            return new NewPlan(
                    title,
                    PlanKind.INSPECTION,
                    "Joint targeted area inspection",
                    "Testshire",
                    "V1",
                    "A. Lead",
                    null,
                    null,
                    "Children are safer",
                    null,
                    List.of("Behind schedule", "On track", "Completed"),
                    glossary,
                    List.of("Children and Young People's Plan"),
                    sections);
        }
    }

    public static final class SectionBuilder {
        private final String ref;
        private String title = "Strategy meetings";
        private final List<NewPlan.Finding> findings = new ArrayList<>();
        private final List<NewPlan.Action> actions = new ArrayList<>();

        SectionBuilder(String ref) {
            this.ref = ref;
        }

        public SectionBuilder titled(String title) {
            this.title = title;
            return this;
        }

        public SectionBuilder withFinding(String ref, String text) {
            findings.add(new NewPlan.Finding(ref, FindingKind.AREA_FOR_IMPROVEMENT, text));
            return this;
        }

        public SectionBuilder with(ActionBuilder action) {
            actions.add(action.build());
            return this;
        }

        NewPlan.Section build() {
            return new NewPlan.Section(ref, title, null, findings, actions);
        }
    }

    public static final class ActionBuilder {
        private final String ref;
        private String text;
        private final List<String> findingRefs = new ArrayList<>();
        private final List<NewPlan.Lead> leads = new ArrayList<>();
        private String leadRaw = "Children's Services";
        private DueDate due = DueDate.parse("Mar.19");
        private ActionStatus status = ActionStatus.NOT_STARTED;
        private String statusWord;

        ActionBuilder(String ref) {
            this.ref = ref;
            this.text = "Action " + ref;
        }

        public ActionBuilder text(String text) {
            this.text = text;
            return this;
        }

        public ActionBuilder answering(String... refs) {
            findingRefs.addAll(List.of(refs));
            return this;
        }

        public ActionBuilder ledBy(Long agencyId, Long personId) {
            leads.add(new NewPlan.Lead(agencyId, personId));
            return this;
        }

        public ActionBuilder leadRaw(String leadRaw) {
            this.leadRaw = leadRaw;
            return this;
        }

        public ActionBuilder due(String text) {
            this.due = DueDate.parse(text);
            return this;
        }

        public ActionBuilder status(ActionStatus status, String word) {
            this.status = status;
            this.statusWord = word;
            return this;
        }

        NewPlan.Action build() {
            return new NewPlan.Action(
                    ref,
                    text,
                    findingRefs,
                    leads,
                    leadRaw,
                    due,
                    "MASH Board",
                    null,
                    "Improved engagement",
                    "Quarterly audit",
                    status,
                    statusWord);
        }
    }
}
