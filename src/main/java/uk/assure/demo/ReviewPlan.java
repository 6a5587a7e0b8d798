package uk.assure.demo;

import static uk.assure.demo.PlanDraft.section;
import static uk.assure.plan.FindingKind.FINDING;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.assure.plan.NewPlan.GlossaryTerm;
import uk.assure.plan.PlanKind;

/**
 * The demo's case review plan: a thematic review, so that no child is described, with five findings and 18 actions.
 * Action 2.3 answers Finding 2 and Finding 4.
 */
final class ReviewPlan {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private ReviewPlan() {}

    static PlanDraft draft(LocalDate today) {
        LocalDate published = today.minusDays(380).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        return new PlanDraft(
                "Thematic review: adolescents at risk of exploitation",
                PlanKind.REVIEW,
                "Local child safeguarding practice review, published " + published.format(MONTH_YEAR),
                "Final",
                "Lewis Granger, Partnership Business Manager",
                published,
                "The review looked at the help given to young people at risk of criminal and sexual exploitation "
                        + "over two years. It made five findings; this plan sets out what partners will do about each.",
                "Young people at risk of exploitation are identified earlier, keep a trusted professional "
                        + "throughout, and tell us they feel listened to. Return home interviews are offered within "
                        + "72 hours after at least 90% of missing episodes.",
                null,
                Vocabulary.REVIEW,
                List.of(
                        new GlossaryTerm("LCSPR", "Local child safeguarding practice review"),
                        new GlossaryTerm("RHI", "Return home interview"),
                        new GlossaryTerm("YJS", "Youth Justice Service"),
                        new GlossaryTerm("ERP", "Exploitation risk panel"),
                        new GlossaryTerm("GP", "General practitioner"),
                        new GlossaryTerm("MASH", "Multi-Agency Safeguarding Hub")),
                List.of("Exploitation Strategy"),
                List.of(missing(), schools(), transitions(), patterns(), voice()),
                Map.of(
                        Scenario.COMPLETED,
                        6,
                        Scenario.RED,
                        3,
                        Scenario.AMBER_DUE_SOON,
                        2,
                        Scenario.AMBER_STALE,
                        2,
                        Scenario.GREEN,
                        4,
                        Scenario.CLOSED,
                        1),
                List.of(DueStyle.LONG_MONTH, DueStyle.LONG_MONTH, DueStyle.DAY));
    }

    private static PlanDraft.SectionDraft missing() {
        return section("1", "Finding 1: Missing episodes", null)
                .finding(
                        "Finding 1",
                        FINDING,
                        "Professionals did not always recognise going missing from home as a "
                                + "sign of exploitation.")
                .action(
                        "1.1",
                        "Update the missing children protocol so that every return home interview considers signs "
                                + "of exploitation.",
                        "headOfService",
                        "Children's Services",
                        "learning",
                        null,
                        "Protocol published; audit of return home interviews.")
                .action(
                        "1.2",
                        "Train police response officers to recognise signs of exploitation when a child is found "
                                + "after going missing.",
                        "pvp",
                        "Westbrook Police",
                        "learning",
                        null,
                        "Training records.")
                .action(
                        "1.3",
                        "Report the share of return home interviews offered within 72 hours to the Learning and "
                                + "Improvement Group each quarter.",
                        "mashLead",
                        "WBC Performance Team",
                        "learning",
                        null,
                        "Quarterly report.")
                .action(
                        "1.4",
                        "Share the review's learning on missing episodes with children's homes and foster carers "
                                + "in the borough.",
                        "qaOfficer",
                        "WSCP",
                        "learning",
                        null,
                        "Briefing sessions held.")
                .build();
    }

    private static PlanDraft.SectionDraft schools() {
        return section("2", "Finding 2: Information from schools", null)
                .finding(
                        "Finding 2",
                        FINDING,
                        "Information held by schools about attendance and exclusion was not shared "
                                + "with partners in time to inform risk assessments.")
                .action(
                        "2.1",
                        "Agree a protocol for schools to tell the MASH when a child known to be at risk is excluded "
                                + "or stops attending.",
                        "educationLead",
                        "Education Safeguarding Team",
                        "learning",
                        null,
                        "Protocol agreed with head teachers.")
                .action(
                        "2.2",
                        "Give the education safeguarding team the exploitation risk panel's list of young people.",
                        "educationLead, headOfService",
                        "Education / WBC",
                        "learning",
                        null,
                        "List shared monthly.")
                .action(
                        "2.3",
                        "Keep one multi-agency chronology for each young person discussed at the exploitation "
                                + "risk panel.",
                        "headOfService, pvp",
                        "WBC / Police",
                        "learning",
                        null,
                        "Chronologies in place; panel audit.")
                .alsoAnswering("Finding 4")
                .action(
                        "2.4",
                        "Audit attendance records for young people open to the exploitation risk panel and act on "
                                + "any gaps.",
                        "educationLead",
                        "Schools",
                        "performance",
                        null,
                        "Audit report.")
                .build();
    }

    private static PlanDraft.SectionDraft transitions() {
        return section("3", "Finding 3: Moving to adult services", null)
                .finding(
                        "Finding 3",
                        FINDING,
                        "Moving from children's to adult services left young people without a "
                                + "trusted professional at a key time.")
                .action(
                        "3.1",
                        "Agree a transitions protocol between children's and adult services for young people at "
                                + "risk of exploitation from the age of 16.",
                        "headOfService, mhSafeguarding",
                        "WBC and WCMHT",
                        "executive",
                        null,
                        "Protocol signed off by the Partnership Executive.")
                .action(
                        "3.2",
                        "Keep a named youth justice worker for young people who turn 18 during an order until "
                                + "handover is complete.",
                        "yjsManager",
                        "YJS Manager",
                        "learning",
                        null,
                        "Case audit.")
                .action(
                        "3.3",
                        "Invite probation to transition planning meetings for young people moving from youth to "
                                + "adult supervision.",
                        "probationHead",
                        "Probation Service",
                        "learning",
                        null,
                        "Meeting attendance.")
                .build();
    }

    private static PlanDraft.SectionDraft patterns() {
        return section("4", "Finding 4: Patterns of harm", null)
                .finding(
                        "Finding 4",
                        FINDING,
                        "Multi-agency meetings focused on single incidents rather than the pattern "
                                + "of harm over time.")
                .action(
                        "4.1",
                        "Change the exploitation risk panel's terms of reference so that every review looks at "
                                + "the pattern of harm over the last 12 months.",
                        "headOfService",
                        "Chair, Exploitation Risk Panel",
                        "learning",
                        null,
                        "Revised terms of reference.")
                .action(
                        "4.2",
                        "Map places and peer groups linked to more than one young person, using contextual "
                                + "safeguarding methods.",
                        "pvp, yjsManager",
                        "Police / YJS",
                        "learning",
                        null,
                        "Mapping reports to the panel.")
                .action(
                        "4.3",
                        "Send GP practices a summary of panel decisions for the young people they care for.",
                        "designatedNurse",
                        "Designated Nurse",
                        "learning",
                        null,
                        "GP feedback survey.")
                .action(
                        "4.4",
                        "Hold a multi-agency audit of cases discussed at the panel to test whether patterns of "
                                + "harm were seen.",
                        "qaOfficer",
                        "WSCP QA Officer",
                        "performance",
                        null,
                        "Audit report.")
                .build();
    }

    private static PlanDraft.SectionDraft voice() {
        return section("5", "Finding 5: Young people's voices", null)
                .finding(
                        "Finding 5",
                        FINDING,
                        "Young people's own accounts were not always sought or believed, and "
                                + "language in records sometimes blamed them for the harm done to them.")
                .action(
                        "5.1",
                        "Publish partnership guidance on language, so that records never suggest young people are "
                                + "responsible for their own exploitation.",
                        "qaOfficer",
                        "WSCP",
                        "learning",
                        null,
                        "Guidance published; record audit.")
                .action(
                        "5.2",
                        "Ask young people who have used services to help design the new exploitation training.",
                        "yjsManager",
                        "YJS / Participation Team",
                        "learning",
                        null,
                        "Young people's feedback.")
                .action(
                        "5.3",
                        "Audit a sample of records each year for language that blames young people and report to "
                                + "the Partnership Executive.",
                        "businessManager",
                        "WSCP Business Manager",
                        "executive",
                        null,
                        "Annual audit report.")
                .build();
    }
}
