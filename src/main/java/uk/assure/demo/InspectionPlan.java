package uk.assure.demo;

import static uk.assure.demo.PlanDraft.section;
import static uk.assure.plan.FindingKind.AREA_FOR_IMPROVEMENT;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.assure.plan.NewPlan.GlossaryTerm;
import uk.assure.plan.PlanKind;

/** The demo's joint targeted area inspection plan: four areas for priority action, eight findings, 26 actions. */
final class InspectionPlan {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private InspectionPlan() {}

    static PlanDraft draft(LocalDate today) {
        LocalDate inspectionStart = today.minusMonths(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate inspectionEnd = inspectionStart.plusDays(4);
        return new PlanDraft(
                "Joint targeted area inspection: multi-agency action plan",
                PlanKind.INSPECTION,
                "Joint targeted area inspection, " + span(inspectionStart, inspectionEnd),
                "V3",
                "Joanna Whitfield, Director of Children's Services",
                inspectionEnd.plusWeeks(7),
                "This plan answers the areas for priority action in the inspection letter. Each action has a lead, "
                        + "a due date and the body that oversees it.",
                "Children get the right help, from the right agencies, as soon as harm is suspected.",
                null,
                Vocabulary.INSPECTION,
                GLOSSARY,
                List.of("Children and Young People's Plan", "Domestic Abuse Strategy"),
                List.of(frontDoor(), strategyDiscussions(), childrensExperiences(), leadership()),
                Map.of(
                        Scenario.COMPLETED,
                        7,
                        Scenario.RED,
                        5,
                        Scenario.AMBER_DUE_SOON,
                        2,
                        Scenario.AMBER_STALE,
                        3,
                        Scenario.GREEN,
                        8,
                        Scenario.SUPERSEDED,
                        1),
                List.of(DueStyle.SHORT_MONTH));
    }

    private static final List<GlossaryTerm> GLOSSARY = List.of(
            new GlossaryTerm("JTAI", "Joint targeted area inspection"),
            new GlossaryTerm("MASH", "Multi-Agency Safeguarding Hub"),
            new GlossaryTerm("WSCP", "Westbrook Safeguarding Children Partnership"),
            new GlossaryTerm("ICB", "Integrated Care Board"),
            new GlossaryTerm("CAMHS", "Child and Adolescent Mental Health Services"),
            new GlossaryTerm("DASH", "Domestic Abuse, Stalking and Harassment risk assessment"),
            new GlossaryTerm("MARAC", "Multi-Agency Risk Assessment Conference"),
            new GlossaryTerm("PVP", "Protecting Vulnerable People (police)"),
            new GlossaryTerm("QA", "Quality assurance"));

    private static PlanDraft.SectionDraft frontDoor() {
        return section(
                        "1",
                        "Area for priority action 1: The front door",
                        "How decisions are made when children are first referred, in the MASH and out of hours.")
                .finding(
                        "1.1",
                        AREA_FOR_IMPROVEMENT,
                        "Thresholds are not applied consistently to contacts in the MASH, "
                                + "so some children wait too long for a decision about the help they need.")
                .action(
                        "1.1.1",
                        "Refresh the partnership threshold document and relaunch it with briefings for every "
                                + "MASH partner agency.",
                        "mashLead",
                        "Head of Early Help and MASH (WBC)",
                        "mash",
                        "Contacts get a consistent threshold decision within one working day.",
                        "Monthly MASH performance report; quarterly threshold audit.")
                .action(
                        "1.1.2",
                        "Introduce a daily multi-agency triage meeting in the MASH for all contacts graded " + "amber.",
                        "mashLead, mashInspector",
                        "WBC / D.I. MASH",
                        "mash",
                        "Partners contribute to every amber decision on the day it is made.",
                        "Triage attendance log; dip sample of 20 contacts each quarter.")
                .action(
                        "1.1.3",
                        "Audit a sample of contacts closed with no further action to test whether threshold "
                                + "decisions were right.",
                        "qaOfficer",
                        "WSCP QA Officer",
                        "performance",
                        "Leaders know how often threshold decisions are wrong and why.",
                        "Audit report to the Quality Assurance and Performance Group.")
                .action(
                        "1.1.4",
                        "Agree a shared measure of how quickly MASH decisions are made and report it monthly.",
                        "headOfService",
                        "WBC",
                        "executive",
                        "Delays are seen and acted on within the month.",
                        "Partnership performance dashboard.")
                .finding(
                        "1.2",
                        AREA_FOR_IMPROVEMENT,
                        "Health partners' information is not routinely sought or shared "
                                + "when decisions are made in the MASH.")
                .action(
                        "1.2.1",
                        "Place a health practitioner in the MASH every weekday, with access to acute, community "
                                + "and mental health records.",
                        "designatedNurse",
                        "Designated Nurse (ICB)",
                        "mash",
                        "Health information informs every MASH decision.",
                        "MASH rota; audit of health checks on contacts.")
                .action(
                        "1.2.2",
                        "Give MASH health staff read access to the mental health trust's patient record system.",
                        "mhSafeguarding",
                        "WCMHT Head of Safeguarding",
                        "mash",
                        "Parental mental health is known when decisions are made.",
                        "Access log; dip sample of records.")
                .action(
                        "1.2.3",
                        "Agree an information-sharing agreement for the MASH signed by all statutory partners.",
                        "businessManager",
                        "WSCP Business Manager",
                        "executive",
                        "Practitioners share information with confidence.",
                        "Signed agreement; practitioner survey.")
                .build();
    }

    private static PlanDraft.SectionDraft strategyDiscussions() {
        return section(
                        "2",
                        "Area for priority action 2: Strategy discussions and enquiries",
                        "Whether the right agencies decide together, and in time, what happens when harm is suspected.")
                .finding(
                        "2.1",
                        AREA_FOR_IMPROVEMENT,
                        "Strategy discussions are not always held with police, health "
                                + "and children's social care together, and some are held too late.")
                .action(
                        "2.1.1",
                        "Revise the strategy discussion procedure so that police, health and children's social "
                                + "care attend every discussion.",
                        "headOfService, pvp",
                        "WBC and D. Supt. PVP",
                        "executive",
                        "Every strategy discussion has the three statutory partners present.",
                        "Monthly attendance report.")
                .action(
                        "2.1.2",
                        "Set up a rota of health professionals able to join strategy discussions at short " + "notice.",
                        "namedDoctor",
                        "Named Doctor (WHFT)",
                        "mash",
                        "Health attends strategy discussions held out of hours.",
                        "Rota; attendance report.")
                .action(
                        "2.1.3",
                        "Track the time from referral to strategy discussion and report exceptions to the MASH "
                                + "Board each month.",
                        "mashInspector",
                        "Police",
                        "mash",
                        "Late strategy discussions are rare and explained.",
                        "Exception report to the MASH Board.")
                .finding(
                        "2.2",
                        AREA_FOR_IMPROVEMENT,
                        "Records of strategy discussions do not show the reasons for "
                                + "decisions or who is responsible for the next steps.")
                .action(
                        "2.2.1",
                        "Introduce one strategy discussion record template used by all agencies.",
                        "headOfService",
                        "Children's Services",
                        "mash",
                        "Records show decisions, reasons and owners.",
                        "Template in use; quarterly dip sample.")
                .action(
                        "2.2.2",
                        "Train chairs of strategy discussions in recording decisions and the reasons for them.",
                        "qaOfficer",
                        "WSCP Training",
                        "learning",
                        "Chairs record decisions consistently.",
                        "Training attendance; audit of records.")
                .action(
                        "2.2.3",
                        "Hold a joint police and children's social care audit of strategy discussion records "
                                + "each quarter.",
                        "mashInspector, headOfService",
                        "Police / WBC",
                        "performance",
                        "Weak records are found and put right.",
                        "Quarterly joint audit report.")
                .build();
    }

    private static PlanDraft.SectionDraft childrensExperiences() {
        return section(
                        "3",
                        "Area for priority action 3: Understanding children's experiences",
                        "Whether practitioners see and hear the child, and understand the adults around them.")
                .finding(
                        "3.1",
                        AREA_FOR_IMPROVEMENT,
                        "Assessments do not consistently record what children say about "
                                + "their lives or how their views shaped the plan.")
                .action(
                        "3.1.1",
                        "Publish practice guidance on recording the voice of the child, with examples from "
                                + "local practice.",
                        "headOfService",
                        "Principal Social Worker (WBC)",
                        "learning",
                        "Children's views are recorded and used in plans.",
                        "Case audit of 30 assessments.")
                .action(
                        "3.1.2",
                        "Add a required 'child's views' section to health visiting and school nursing records.",
                        "designatedNurse, hospital",
                        "ICB / WHFT",
                        "learning",
                        "Health records show the child's own account.",
                        "Record template; health audit.")
                .action(
                        "3.1.3",
                        "Run multi-agency workshops on direct work with children for frontline practitioners.",
                        "qaOfficer",
                        "WSCP",
                        "learning",
                        "Practitioners feel confident talking with children.",
                        "Workshop evaluations.")
                .finding(
                        "3.2",
                        AREA_FOR_IMPROVEMENT,
                        "The impact of parental mental ill health, substance misuse and "
                                + "domestic abuse on children is not always understood or acted on.")
                .action(
                        "3.2.1",
                        "Make sure adult mental health practitioners ask about children in the household at "
                                + "every assessment and record the answer.",
                        "mhSafeguarding",
                        "Mental Health Trust",
                        "executive",
                        "Children of adult patients are known and, where needed, referred.",
                        "Trust audit of adult assessments.")
                .action(
                        "3.2.2",
                        "Review the DASH risk assessment process so that children's needs are considered in "
                                + "every domestic abuse incident.",
                        "pvp",
                        "D. Supt. PVP",
                        "mash",
                        "Children in domestic abuse incidents are seen and referred.",
                        "Police audit of DASH forms.")
                .action(
                        "3.2.3",
                        "Make sure probation practitioners check with children's social care in every domestic "
                                + "abuse case where children live in the household.",
                        "probationHead",
                        "NPS",
                        "executive",
                        "Probation decisions take account of children.",
                        "Probation case audit.")
                .action(
                        "3.2.4",
                        "Refresh the MARAC referral pathway so that children's social care and schools are told "
                                + "of every high-risk case.",
                        "pvp, educationLead",
                        "Police / Education",
                        "mash",
                        "Schools know when a child lives with high-risk domestic abuse.",
                        "MARAC minutes; school survey.")
                .build();
    }

    private static PlanDraft.SectionDraft leadership() {
        return section(
                        "4",
                        "Area for priority action 4: Leadership, oversight and learning",
                        "Whether leaders know the quality of frontline practice and use what they learn.")
                .finding(
                        "4.1",
                        AREA_FOR_IMPROVEMENT,
                        "Partnership quality assurance does not give leaders a clear "
                                + "enough picture of the quality of frontline practice.")
                .action(
                        "4.1.1",
                        "Agree a multi-agency audit programme for the year, signed off by the Partnership "
                                + "Executive.",
                        "businessManager",
                        "WSCP Business Manager",
                        "executive",
                        "Audits look at the areas of greatest risk.",
                        "Signed-off programme; audit reports.")
                .action(
                        "4.1.2",
                        "Build a partnership performance dashboard with data from all statutory partners.",
                        "businessManager, icb",
                        "WSCP / ICB",
                        "performance",
                        "Leaders see one picture of performance.",
                        "Dashboard presented quarterly.")
                .action(
                        "4.1.3",
                        "Hold practice observation visits by senior leaders to the MASH twice a year.",
                        "dcs",
                        "DCS",
                        "executive",
                        "Leaders see practice for themselves.",
                        "Visit notes and actions.")
                .finding(
                        "4.2",
                        AREA_FOR_IMPROVEMENT,
                        "Learning from audits and reviews is not reliably shared with "
                                + "practitioners or used to change practice.")
                .action(
                        "4.2.1",
                        "Publish a seven-minute briefing after every multi-agency audit and review.",
                        "qaOfficer",
                        "WSCP",
                        "learning",
                        "Practitioners know what audits found.",
                        "Briefings published; web page views.")
                .action(
                        "4.2.2",
                        "Hold practitioner learning events twice a year, open to all agencies including schools "
                                + "and youth justice.",
                        "qaOfficer, yjsManager",
                        "WSCP / YJS",
                        "learning",
                        "Learning reaches every agency.",
                        "Attendance by agency; evaluations.")
                .action(
                        "4.2.3",
                        "Test whether learning has changed practice with a follow-up audit six months after each "
                                + "briefing.",
                        "educationLead",
                        "Education",
                        "performance",
                        "Leaders know whether learning has changed practice.",
                        "Follow-up audit reports.")
                .build();
    }

    /** "4–8 March 2025", or "30 June – 4 July 2025" when the week crosses a month. */
    static String span(LocalDate from, LocalDate to) {
        if (from.getMonth() == to.getMonth()) {
            return from.getDayOfMonth() + "–" + to.format(DAY_MONTH_YEAR);
        }
        if (from.getYear() == to.getYear()) {
            return from.format(DAY_MONTH) + " – " + to.format(DAY_MONTH_YEAR);
        }
        return from.format(DAY_MONTH_YEAR) + " – " + to.format(DAY_MONTH_YEAR);
    }
}
