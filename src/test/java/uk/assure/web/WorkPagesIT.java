package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.plan.SignOffs;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/** The dashboard's numbers open the lists they count; My actions lists a lead's own; filters live in the URL. */
@AppTest
class WorkPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ProgressService progress;

    @Autowired
    SignOffs signOffs;

    private static int shownOf(String summary) {
        return Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
    }

    Browserless browser;

    @BeforeEach
    void signIn() {
        browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
    }

    @Test
    void everyNumberOnTheDashboardOpensTheListItCounts() {
        Document dashboard = browser.page("/dashboard");

        assertThat(dashboard.select("svg.assure-chart rect")).isNotEmpty();
        assertThat(dashboard.select("svg.assure-chart").attr("aria-hidden")).isEqualTo("true");
        int checked = 0;
        for (Element link : dashboard.select("table.govuk-table td a[href^=/actions]")) {
            if (checked++ >= 12) {
                break;
            }
            Document list = browser.page(link.attr("href"));
            assertThat(list.select("#summary").text()).as(link.attr("href")).startsWith(link.text() + " of ");
            assertThat(list.select("table.assure-items tbody tr")).hasSize(Integer.parseInt(link.text()));
        }
        assertThat(checked).isGreaterThan(5);
        assertThat(dashboard.select("h2#overdue").text()).startsWith("Overdue (");
    }

    @Test
    void theDashboardDrawsTwentyPlansAPageAndCountsThemAll() {
        long partnership = jdbc.sql(
                        "INSERT INTO partnership (external_id, name) VALUES ('paged', 'Paged') RETURNING id")
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO plan (partnership_id, external_id, title, kind, status_vocabulary)
                SELECT ?, 'paged-' || g, 'Paged plan ' || lpad(g::text, 2, '0'), 'AUDIT', '{}'
                FROM generate_series(1, 25) g""").param(partnership).update();
        jdbc.sql("""
                INSERT INTO section (partnership_id, plan_id, position, ref, title)
                SELECT partnership_id, id, 1, '1', 'Section of ' || title FROM plan WHERE partnership_id = ?""").param(partnership).update();
        jdbc.sql("""
                INSERT INTO action (partnership_id, plan_id, section_id, external_id, position, ref, text,
                    original_due_raw, original_due_precision, current_due_raw, current_due_precision, status, created_at)
                SELECT s.partnership_id, s.plan_id, s.id, 'paged-action-' || s.id, 1, '1.1', 'An action',
                       'ongoing', 'ONGOING', 'ongoing', 'ONGOING', 'IN_PROGRESS', now()
                FROM section s WHERE s.partnership_id = ?""").param(partnership).update();
        users.create(
                partnership,
                new UserRepository.NewUser("paged@test.local", "Paged Admin", Role.ADMIN, null),
                passwords.encode("a long enough test password"));
        Browserless admin = new Browserless(port);
        admin.signIn("paged@test.local", "a long enough test password");

        Document first = admin.page("/dashboard");
        assertThat(first.select("#by-plan ~ div table.govuk-table tbody tr").eachText())
                .hasSize(20)
                .first()
                .asString()
                .startsWith("Paged plan 01");
        assertThat(first.select("svg.assure-chart .assure-chart__label")).hasSize(20);
        assertThat(first.select("#plans-shown").text()).isEqualTo("Plans 1 to 20 of 25, by title");
        assertThat(first.select(".govuk-details table tbody tr")).hasSize(20);
        assertThat(first.select("a[rel=prev]")).isEmpty();

        Document second = admin.page(first.select("a[rel=next]").attr("href"));
        assertThat(second.select("#by-plan ~ div table.govuk-table tbody tr").eachText())
                .hasSize(5)
                .last()
                .asString()
                .startsWith("Paged plan 25");
        assertThat(second.select("#plans-shown").text()).isEqualTo("Plans 21 to 25 of 25, by title");
        assertThat(second.select("a[rel=next]")).isEmpty();
        // the counts by agency and the lists are the whole partnership's on every page
        assertThat(second.select("table.govuk-table")
                        .get(1)
                        .select("tbody tr td:last-child")
                        .text())
                .isEqualTo("25");
        assertThat(admin.page("/dashboard?page=x").select("#plans-shown").text())
                .startsWith("Plans 1 to 20");
        assertThat(admin.page("/dashboard?page=9").select("#plans-shown").text())
                .startsWith("Plans 21 to 25");
    }

    @Test
    void myActionsListsTheFirstFiftyOverdueAndLinksToTheRest() {
        long partnership = jdbc.sql("INSERT INTO partnership (external_id, name) VALUES ('late', 'Late') RETURNING id")
                .query(Long.class)
                .single();
        long agency = jdbc.sql(
                        "INSERT INTO agency (partnership_id, external_id, name) VALUES (?, 'late-ag', 'Late agency')"
                                + " RETURNING id")
                .param(partnership)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO plan (partnership_id, external_id, title, kind, status_vocabulary)"
                        + " VALUES (?, 'late-plan', 'Late plan', 'AUDIT', '{}')")
                .param(partnership)
                .update();
        jdbc.sql("""
                INSERT INTO action (partnership_id, plan_id, external_id, position, ref, text, original_due_raw,
                    original_due_date, original_due_precision, current_due_raw, current_due_date, current_due_precision,
                    status, created_at)
                SELECT p.partnership_id, p.id, 'late-' || g, g, g::text, 'Late action ' || g, 'a date',
                       CAST(? AS date) - g, 'DAY', 'a date', CAST(? AS date) - g, 'DAY', 'IN_PROGRESS', now()
                FROM plan p, generate_series(1, 60) g WHERE p.external_id = 'late-plan'""").params(LocalDate.now(), LocalDate.now()).update();
        jdbc.sql("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id)
                SELECT partnership_id, id, 0, ? FROM action WHERE partnership_id = ?""").params(agency, partnership).update();
        users.create(
                partnership,
                new UserRepository.NewUser("late@test.local", "Late Lead", Role.LEAD, agency),
                passwords.encode("a long enough test password"));
        Browserless lead = new Browserless(port);
        lead.signIn("late@test.local", "a long enough test password");

        Document mine = lead.page("/my-actions");

        assertThat(mine.select("h2").eachText()).contains("Overdue (60)");
        assertThat(mine.select("table.govuk-table").first().select("tbody tr")).hasSize(50);
        String rest = mine.select("a:contains(See all 60)").attr("href");
        assertThat(rest).isEqualTo("/actions?agency=" + agency + "&due=overdue&sort=due");
        assertThat(lead.page(rest).select("table.govuk-table tbody tr")).hasSize(60);
    }

    @Test
    void myActionsListsEveryActionTheLeadsAgencyLeadsGroupedByWhatIsDueFirst() {
        Long[] agency = jdbc.sql("""
                SELECT l.agency_id, a.partnership_id, count(*) FROM action_lead l JOIN action a ON a.id = l.action_id
                WHERE l.agency_id IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1""")
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        users.create(
                agency[1],
                new UserRepository.NewUser("lead@test.local", "Agency Lead", Role.LEAD, agency[0]),
                passwords.encode("a long enough test password"));
        Browserless lead = new Browserless(port);
        lead.signIn("lead@test.local", "a long enough test password");

        Document mine = lead.page("/my-actions");

        int listed = mine.select("h2").eachText().stream()
                .filter(h -> h.matches(".*\\((\\d+)\\)$"))
                .mapToInt(h -> Integer.parseInt(h.replaceAll(".*\\((\\d+)\\)$", "$1")))
                .sum();
        assertThat(listed)
                .as("every action the agency leads, in one group or another")
                .isEqualTo(agency[2].intValue());
        assertThat(mine.select("table.assure-items tbody tr").size()).isLessThanOrEqualTo(agency[2].intValue());
        assertThat(mine.select("h2").eachText())
                .anySatisfy(h -> assertThat(h).matches("(Overdue|Due in the next 30 days|Later|Completed) \\(\\d+\\)"));
    }

    @Test
    void filtersNarrowTheListAndStayInItsAddress() {
        Document all = browser.page("/actions");
        int total = all.select("table.assure-items tbody tr").size();

        Document red = browser.page("/actions?rag=RED&sort=due");

        assertThat(red.select("#filter-rag option[selected]").val()).isEqualTo("RED");
        assertThat(red.select("#summary").text()).contains(" of " + total + " actions");
        assertThat(red.select("table.assure-items tbody tr strong.govuk-tag").eachText())
                .allMatch("Red"::equals);
        assertThat(browser.page("/actions?q=zzzz-no-such-words")
                        .select("#summary")
                        .text())
                .startsWith("0 of ");
    }

    @Test
    void aPlanPageFiltersItsOwnActionsWithASummaryLine() {
        String plan =
                browser.page("/plans").selectFirst("table a[href^=/plans/]").attr("href");
        Document whole = browser.page(plan);
        assertThat(whole.select("#summary"))
                .as("no filter: the plan by sections")
                .isEmpty();

        Document red = browser.page(plan + "?rag=RED");

        String summary = red.select("#summary").text();
        assertThat(summary).matches("\\d+ of \\d+ actions: \\d+ overdue, \\d+ red, .*");
        int shown = Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
        assertThat(red.select("table.assure-items tbody tr")).hasSize(shown);
        assertThat(red.select("table.assure-items strong.govuk-tag").eachText()).allMatch("Red"::equals);
        assertThat(red.select("details[open] #filter-rag option[selected]").val())
                .isEqualTo("RED");
    }

    @Test
    void anUpdateShowsOnTheListsAtOnce() {
        String[] overdue = jdbc.sql("""
                SELECT a.external_id, a.partnership_id, a.version FROM action a
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.current_due_date < current_date
                ORDER BY a.id LIMIT 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        String before = browser.page("/actions?due=overdue").select("#summary").text();

        progress.record(
                Long.parseLong(overdue[1]),
                overdue[0],
                Integer.parseInt(overdue[2]),
                ProgressEntry.note("Moved on.", ActionStatus.IN_PROGRESS)
                        .withRevisedDue(DueDate.exact(LocalDate.now().plusYears(1)), "Agreed at the board"),
                new ProgressService.Author(null, "Test"));
        String stillOverdue =
                browser.page("/actions?due=overdue").select("#summary").text();
        assertThat(stillOverdue).as("a new date is a request until accepted").startsWith(shownOf(before) + " of ");
        signOffs.acceptRevision(
                Long.parseLong(overdue[1]),
                overdue[0],
                Integer.parseInt(overdue[2]) + 1,
                new ProgressService.Author(null, "Board"));

        String after = browser.page("/actions?due=overdue").select("#summary").text();
        int shownBefore = Integer.parseInt(before.substring(0, before.indexOf(' ')));
        assertThat(after).startsWith((shownBefore - 1) + " of ");
    }

    @Test
    void theDashboardListsWholeAreTheFilteredListsOfTheSameCount() {
        Document dashboard = browser.page("/dashboard");
        for (String[] list : new String[][] {
            {"h2#overdue", "/actions?due=overdue"},
            {"h2#due-soon", "/actions?due=30"},
            {"h2#not-updated", "/actions?activity=stale"},
            {"h2#completed", "/actions?activity=recent"}
        }) {
            String heading = dashboard.select(list[0]).text();
            String count = heading.replaceAll(".*\\((\\d+)\\)$", "$1");
            assertThat(browser.page(list[1]).select("#summary").text())
                    .as(heading)
                    .startsWith(count + " of ");
        }
    }
}
