package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.plan.SignOffs;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/** The app started whole: sign in through the form, then the plans list, a plan and an action as a person sees them. */
@AppTest
class PlanPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    ProgressService progress;

    @Autowired
    SignOffs signOffs;

    Browserless browser;

    @BeforeEach
    void signIn() {
        browser = new Browserless(port);
        HttpResponse<String> response = browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        assertThat(response.uri().getPath()).isEqualTo("/plans");
    }

    @Test
    void theDemoPlansAreListedWithTheirRagCounts() {
        Document plans = browser.page("/plans");

        assertThat(plans.select("h1").text()).isEqualTo("Plans");
        assertThat(plans.select("tbody tr")).hasSize(3);
        int actions = plans.select("tbody tr td:nth-child(3)").stream()
                .mapToInt(td -> Integer.parseInt(td.text()))
                .sum();
        assertThat(actions).isBetween(50, 70);
        int red = plans.select("tbody tr td:nth-child(4)").stream()
                .mapToInt(td -> Integer.parseInt(td.text()))
                .sum();
        assertThat(red).isPositive();
    }

    @Test
    void aPlanPageShowsSectionsFindingsAndActionsWithRagInWords() {
        Document list = browser.page("/plans");
        Element firstPlan = list.selectFirst("tbody tr a");
        Document plan = browser.page(firstPlan.attr("href"));

        assertThat(plan.select("h1").text()).isEqualTo(firstPlan.text());
        assertThat(plan.select("h2.govuk-heading-m")).isNotEmpty();
        assertThat(plan.select("table.govuk-table thead th").eachText())
                .containsSubsequence("Ref", "Action", "Lead", "Due", "Status", "RAG");
        assertThat(plan.select("td strong.govuk-tag").eachText())
                .isNotEmpty()
                .allMatch(word -> word.matches("Red|Amber|Green|Completed|Closed"));
    }

    @Test
    void anActionPageShowsEveryFieldItsFindingsDatesAndHistory() {
        long partnership = directory.firstPartnership().orElseThrow().id();
        PlanWriter.Created created = writer.create(
                partnership,
                aPlan().titled("Page test plan")
                        .with(aSection("2")
                                .titled("Front door")
                                .withFinding("2.5", "Some cases are graded too low.")
                                .with(anAction("2.5.1")
                                        .text("Review DASH risk assessment")
                                        .answering("2.5")
                                        .leadRaw("Police")
                                        .due("Mar.19")))
                        .build(),
                Instant.now());
        String action = created.actionIdsByExternalId().keySet().iterator().next();
        progress.record(
                partnership,
                action,
                0,
                ProgressEntry.note("Review under way", ActionStatus.IN_PROGRESS)
                        .withRevisedDue(DueDate.parse("Jun.19"), "Waiting for the new form"),
                new ProgressService.Author(null, "Pat Police"));
        signOffs.acceptRevision(partnership, action, 1, new ProgressService.Author(null, "Board"));

        Document page = browser.page("/plans/" + created.externalId() + "/actions/" + action);

        assertThat(page.select("h1").text()).isEqualTo("Action 2.5.1");
        assertThat(page.select(".govuk-body-l").text()).isEqualTo("Review DASH risk assessment");
        String summary = page.select(".govuk-summary-list").text();
        assertThat(summary)
                .contains(
                        "Police",
                        "Jun.19 (end of June 2019)",
                        "Mar.19 (end of March 2019)",
                        "MASH Board",
                        "Improved engagement",
                        "Quarterly audit",
                        "Some cases are graded too low.");
        assertThat(page.select(".govuk-inset-text a strong.govuk-tag").text()).isEqualTo("Red");
        assertThat(page.select("#slipped").text()).contains("originally due March 2019, now June 2019 (revised once)");
        assertThat(page.select(".govuk-inset-text").text()).contains("Due 30 June 2019");
        String history = page.select("ol.govuk-list").text();
        assertThat(history)
                .contains(
                        "by Pat Police",
                        "Review under way",
                        "Status changed from Not started to In progress",
                        "Reason: Waiting for the new form");
    }

    @Test
    void anotherPartnershipsPlanIsNotFound() {
        long other = directory.createPartnership("Elsewhere").id();
        PlanWriter.Created theirs = writer.create(
                other,
                aPlan().titled("Not yours")
                        .with(aSection("1").with(anAction("1")))
                        .build(),
                Instant.now());

        assertThat(browser.get("/plans/" + theirs.externalId()).statusCode()).isEqualTo(404);
        String action = theirs.actionIdsByExternalId().keySet().iterator().next();
        assertThat(browser.get("/plans/" + theirs.externalId() + "/actions/" + action)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void pagesNeedSignInButHealthDoesNot() {
        Browserless anonymous = new Browserless(port);

        HttpResponse<String> plans = anonymous.get("/plans");
        assertThat(plans.uri().getPath()).isEqualTo("/sign-in");
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everyAssetTheSignInPageLoadsIsPublicSoSignInLandsOnTheAskedForPage() {
        Browserless anonymous = new Browserless(port);
        Document signIn = anonymous.page("/sign-in");
        for (Element asset : signIn.select("script[src], link[href]")) {
            String url = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
            HttpResponse<String> response = anonymous.get(url);
            assertThat(response.uri().getPath()).as(url).isEqualTo(url);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
        }
        anonymous.get("/plans");
        assertThat(anonymous
                        .signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/plans");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheErrorSummary() {
        Browserless stranger = new Browserless(port);
        HttpResponse<String> response = stranger.signIn(FreshDatabase.ADMIN_EMAIL, "not the password");

        assertThat(response.uri().getPath()).isEqualTo("/sign-in");
        assertThat(response.body()).contains("There is a problem", "Enter a correct email address and password");
        assertThat(stranger.get("/plans").uri().getPath()).isEqualTo("/sign-in");
    }
}
