package uk.assure.demo;

import static uk.assure.demo.PlanDraft.section;
import static uk.assure.plan.FindingKind.OBJECTIVE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.assure.plan.NewPlan.GlossaryTerm;
import uk.assure.plan.PlanKind;

/**
 * The demo's partnership business plan: four priorities, each with an objective and four actions. Routine work has
 * no ref and no date ("Ongoing").
 */
final class BusinessPlan {

    private BusinessPlan() {}

    static PlanDraft draft(LocalDate today) {
        LocalDate issued = today.minusMonths(11).withDayOfMonth(1);
        return new PlanDraft(
                "Partnership business plan " + issued.getYear() + " to " + (issued.getYear() + 2),
                PlanKind.BUSINESS_PLAN,
                "Partnership business plan",
                "Year 1 refresh",
                "Lewis Granger, Partnership Business Manager",
                issued,
                "Our four priorities for the next two years, agreed by the Partnership Executive.",
                null,
                "Practitioners trained; re-referrals to children's social care within 12 months; share of early help "
                        + "assessments led by agencies other than the council.",
                Vocabulary.NONE,
                List.of(
                        new GlossaryTerm("WSCP", "Westbrook Safeguarding Children Partnership"),
                        new GlossaryTerm("ERP", "Exploitation risk panel"),
                        new GlossaryTerm("EHA", "Early help assessment")),
                List.of("Children and Young People's Plan", "Early Help Strategy"),
                List.of(neglect(), exploitation(), earlyHelp(), learning()),
                Map.of(
                        Scenario.COMPLETED,
                        2,
                        Scenario.RED,
                        2,
                        Scenario.AMBER_DUE_SOON,
                        2,
                        Scenario.AMBER_STALE,
                        3,
                        Scenario.GREEN,
                        7),
                List.of(DueStyle.QUARTER, DueStyle.LONG_MONTH, DueStyle.RANGE));
    }

    private static PlanDraft.SectionDraft neglect() {
        return section("1", "Priority 1: Neglect", "Helping children who live with neglect sooner.")
                .finding(
                        "1a",
                        OBJECTIVE,
                        "Children living with neglect are identified early and get help before " + "problems grow.")
                .action(
                        "1.1",
                        "Roll out the neglect screening tool to all early help and universal services.",
                        "mashLead",
                        "Early Help",
                        "performance",
                        null,
                        null)
                .action(
                        "1.2",
                        "Train 200 practitioners across all agencies to use the neglect screening tool.",
                        "qaOfficer",
                        "WSCP Training",
                        "performance",
                        null,
                        null)
                .action(
                        null,
                        "Report use of the neglect screening tool to the Quality Assurance and Performance Group.",
                        "businessManager",
                        "Business Unit",
                        "performance",
                        null,
                        null)
                .ongoing()
                .action(
                        "1.3",
                        "Complete a multi-agency audit of neglect cases open for more than two years.",
                        "qaOfficer",
                        "WSCP",
                        "performance",
                        null,
                        null)
                .build();
    }

    private static PlanDraft.SectionDraft exploitation() {
        return section("2", "Priority 2: Exploitation", "Keeping young people safe outside the home.")
                .finding(
                        "2a",
                        OBJECTIVE,
                        "Young people at risk of exploitation are safer because partners share "
                                + "intelligence and act together.")
                .action(
                        "2.1",
                        "Deliver the action plan from the thematic review of adolescents at risk of exploitation.",
                        "businessManager",
                        "WSCP Business Manager",
                        "executive",
                        null,
                        null)
                .action(
                        "2.2",
                        "Run a summer awareness campaign with local businesses, transport operators and taxi "
                                + "licensing.",
                        "pvp",
                        "Police",
                        "executive",
                        null,
                        null)
                .action(
                        null,
                        "Hold the exploitation risk panel every month and report attendance by agency.",
                        "headOfService",
                        "Chair of ERP",
                        "executive",
                        null,
                        null)
                .ongoing()
                .action(
                        "2.3",
                        "Develop a transitional safeguarding approach with adult services.",
                        "dcs",
                        "DCS",
                        "executive",
                        null,
                        null)
                .build();
    }

    private static PlanDraft.SectionDraft earlyHelp() {
        return section("3", "Priority 3: Early help", "The right help at the right time.")
                .finding("3a", OBJECTIVE, "Families get help early from the service best placed to give it.")
                .action(
                        "3.1",
                        "Refresh the early help strategy with families' views at its centre.",
                        "mashLead",
                        "Children's Services",
                        "executive",
                        null,
                        null)
                .action(
                        "3.2",
                        "Increase the number of early help assessments led by schools and health services.",
                        "educationLead, designatedNurse",
                        "Education / ICB",
                        "performance",
                        null,
                        null)
                .action(
                        null,
                        "Publish a quarterly early help performance summary for partners.",
                        "businessManager",
                        "Business Unit",
                        "performance",
                        null,
                        null)
                .ongoing()
                .action(
                        "3.3",
                        "Review the family hub offer to make sure fathers and male carers are included.",
                        "mashLead",
                        "WBC",
                        "executive",
                        null,
                        null)
                .build();
    }

    private static PlanDraft.SectionDraft learning() {
        return section("4", "Priority 4: A learning partnership", "Learning from reviews, audits and each other.")
                .finding(
                        "4a",
                        OBJECTIVE,
                        "Practitioners across the partnership learn from reviews, audits and each "
                                + "other, and practice changes as a result.")
                .action(
                        "4.1",
                        "Deliver the partnership's multi-agency training programme.",
                        "qaOfficer",
                        "WSCP Training",
                        "performance",
                        null,
                        null)
                .ongoing()
                .action(
                        "4.2",
                        "Hold an annual partnership conference for frontline practitioners.",
                        "businessManager",
                        "WSCP",
                        "executive",
                        null,
                        null)
                .action(
                        null,
                        "Review the partnership's published procedures in turn, so none is more than two years "
                                + "old.",
                        "businessManager",
                        "Business Unit",
                        "performance",
                        null,
                        null)
                .ongoing()
                .action(
                        "4.3",
                        "Ask practitioners about the effect of training three months after each course.",
                        "qaOfficer",
                        "WSCP",
                        "learning",
                        null,
                        null)
                .build();
    }
}
