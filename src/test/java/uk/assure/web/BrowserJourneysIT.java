package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.partnership.Platform;
import uk.assure.support.AppTest;
import uk.assure.support.Chromium;
import uk.assure.support.FreshDatabase;
import uk.assure.support.TwoStepCodes;

/**
 * The main journeys in Debian's Chromium, headless: sign in with the keyboard; from the dashboard to an overdue
 * action; record an update with a revised date and see it in the history and on My actions; a failed form shows
 * the error summary; two-step sign-in from the keyboard. axe-core finds no WCAG 2.1 A/AA violations on any page,
 * the two-step pages and error states included, and each page
 * is saved to docs/screenshots/ for people to look at.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=browser")
class BrowserJourneysIT {

    private static final String LEAD_PASSWORD = "a long enough lead password";
    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Platform platform;

    @BeforeEach
    void browser() {
        if (chromium == null) {
            chromium = new Chromium(port);
        }
        chromium.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void signingInWorksFromTheKeyboardWithTheSkipLinkFirstAndFocusVisible() {
        chromium.open("/sign-in");
        new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = chromium.driver().switchTo().activeElement();
        assertThat(skip.getAttribute("class")).contains("govuk-skip-link");
        assertThat(skip.getCssValue("background-color")).as("focus is visible").isEqualTo("rgba(255, 221, 0, 1)");

        new Actions(chromium.driver()).sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
        WebElement email = chromium.driver().switchTo().activeElement();
        assertThat(email.getAttribute("name")).isEqualTo("email");
        email.sendKeys(FreshDatabase.ADMIN_EMAIL, Keys.TAB);
        chromium.driver().switchTo().activeElement().sendKeys(FreshDatabase.ADMIN_PASSWORD, Keys.ENTER);
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                .until(d -> !chromium.path().equals("/sign-in"));
        chromium.secondStep(FreshDatabase.ADMIN_EMAIL);

        assertThat(chromium.driver().findElement(By.cssSelector("h1")).getText())
                .isNotEqualTo("Sign in");
        assertThat(chromium.driver().findElements(By.cssSelector(".govuk-header__navigation a")))
                .extracting(WebElement::getText)
                .contains("Dashboard", "My actions");
    }

    @Test
    void aLeadGoesFromTheDashboardToAnOverdueActionRecordsAnUpdateAndSeesItOnMyActions() {
        String[] overdue = jdbc.sql("""
                SELECT a.external_id, l.agency_id, a.partnership_id FROM action a JOIN action_lead l ON l.action_id = a.id
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.current_due_date < current_date
                  AND l.agency_id IS NOT NULL ORDER BY a.current_due_date LIMIT 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        String email = "lead-" + overdue[0].toLowerCase() + "@test.local";
        users.create(
                Long.parseLong(overdue[2]),
                new UserRepository.NewUser(email, "Agency Lead", Role.LEAD, Long.parseLong(overdue[1])),
                passwords.encode(LEAD_PASSWORD));
        signIn(email, LEAD_PASSWORD);

        chromium.open("/dashboard");
        chromium.driver()
                .findElement(By.cssSelector("h2#overdue + table a[href$='/actions/" + overdue[0] + "']"))
                .click();
        assertThat(chromium.driver().findElement(By.cssSelector("h2#update")).getText())
                .isEqualTo("Record an update");

        LocalDate due = LocalDate.now().plusMonths(2);
        type("#narrative", "Dates agreed with the partners; the audit now runs in two months.");
        type("#dueDate-day", String.valueOf(due.getDayOfMonth()));
        type("#dueDate-month", String.valueOf(due.getMonthValue()));
        type("#dueDate-year", String.valueOf(due.getYear()));
        type("#revisionReason", "The audit team was moved to the inspection");
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/updates'] button[type=submit]"))
                .click();

        assertThat(chromium.text(".govuk-notification-banner")).contains("Update recorded");
        String latest = chromium.driver()
                .findElement(By.cssSelector("ol.govuk-list > li"))
                .getText();
        assertThat(latest)
                .contains(
                        "Dates agreed with the partners",
                        // a lead's new date is a request until an admin or the oversight body accepts it
                        "Asked to move the due date to",
                        "The audit team was moved to the inspection");

        chromium.open("/my-actions");
        assertThat(chromium.driver().findElements(By.cssSelector("a[href$='/actions/" + overdue[0] + "']")))
                .hasSize(1);
        assertThat(chromium.driver().findElements(By.cssSelector("h2")).stream()
                        .map(WebElement::getText)
                        .toList())
                .noneMatch(h -> h.startsWith("Overdue") && h.equals("Overdue (0)"));
    }

    @Test
    void aFailedFormShowsTheErrorSummaryWithFocusOnIt() {
        signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        chromium.open(anOpenActionPath());
        type("#dueDate-day", "31");
        type("#dueDate-month", "2");
        type("#dueDate-year", "2027");
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/updates'] button[type=submit]"))
                .click();

        WebElement summary = chromium.driver().findElement(By.cssSelector(".govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter what has happened", "must be a real date");
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("class"))
                .contains("govuk-error-summary");
        assertThat(chromium.driver().findElement(By.id("dueDate-day")).getAttribute("value"))
                .isEqualTo("31");
        assertThat(chromium.accessibilityViolations()).as("the error state").isEmpty();
    }

    @Test
    void noPageHasAccessibilityViolationsAndEachIsSavedAsAScreenshot() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        chromium.open("/sign-in");
        check("sign-in", violations);
        signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        String action = anOpenActionPath();
        String plan = action.substring(0, action.indexOf("/actions/"));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/dashboard");
        pages.put("plans", "/plans");
        pages.put("plan", plan);
        pages.put("plan-filtered", plan + "?rag=AMBER&sort=due");
        pages.put("action", action);
        pages.put("my-actions", "/my-actions");
        pages.put("actions", "/actions?due=overdue");
        pages.put("search", "/search?q=audit");
        pages.put("import", "/imports/new");
        pages.put("password", "/account/password");
        pages.put("api-tokens", "/account/api-tokens");
        pages.put("not-found", "/plans/no-such-plan");
        pages.put("admin", "/admin");
        pages.put("admin-users", "/admin/users");
        pages.put("admin-agencies", "/admin/agencies");
        pages.put("admin-people", "/admin/people");
        pages.put("admin-bodies", "/admin/bodies");
        pages.put("admin-audit", "/admin/audit");
        pages.put("admin-sign-off", "/admin/sign-off");
        pages.put("rag-legend", "/rag");
        pages.put("actions-awaiting-sign-off", "/actions?flag=awaiting-sign-off");
        pages.put("actions-slipped", "/actions?flag=slipped");
        pages.put("action-awaiting-sign-off", actionWhere("a.completion = 'CLAIMED'"));
        pages.put("action-revision-requested", actionWhere("a.requested_due_precision IS NOT NULL"));
        pages.put(
                "action-slipped", actionWhere("a.current_due_date > a.original_due_date AND a.status = 'IN_PROGRESS'"));
        pages.put("action-impact-pending", actionWhere("a.impact_evidenced = false"));
        pages.put(
                "action-no-due-date",
                actionWhere("a.current_due_date IS NULL AND a.status = 'IN_PROGRESS'"
                        + " AND a.current_due_precision <> 'ONGOING'"));
        String viewer = jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, role)
                SELECT partnership_id, 'axe-viewer', 'axe-viewer@test.local', 'Axe Viewer', 'VIEWER' FROM plan LIMIT 1
                ON CONFLICT DO NOTHING RETURNING external_id""").query(String.class).optional().orElse("axe-viewer");
        pages.put("admin-user-viewer", "/admin/users/" + viewer);
        pages.forEach((name, path) -> {
            chromium.open(path);
            check(name, violations);
        });

        chromium.open(action);
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/updates'] button[type=submit]"))
                .click();
        check("action-errors", violations);

        chromium.open(actionWhere("a.completion = 'CLAIMED'"));
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/completion/confirm'] button[type=submit]"))
                .click();
        check("action-sign-off-errors", violations);

        chromium.open("/imports/new");
        chromium.driver()
                .findElement(By.id("file"))
                .sendKeys(Path.of("src/test/resources/importer/golden/page-breaks.txt")
                        .toAbsolutePath()
                        .toString());
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/imports'] button[type=submit]"))
                .click();
        check("import-preview", violations);

        chromium.open("/imports/new");
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/imports'] button[type=submit]"))
                .click();
        check("import-errors", violations);

        chromium.open("/admin/users/" + viewer);
        submitAndWait("form[action$='/grants'] button[type=submit]");
        check("admin-grant-errors", violations);

        chromium.open("/admin/agencies");
        submitAndWait("main form button[type=submit]");
        check("admin-agency-errors", violations);

        chromium.open("/account/api-tokens");
        submitAndWait("main form button[type=submit]");
        check("api-token-errors", violations);
        type("#name", "Performance dashboard");
        submitAndWait("main form button[type=submit]");
        check("api-token-made", violations);

        assertThat(violations)
                .as("axe-core violations by page")
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
    }

    /** Setting two-step up (held there as an admin, and by choice), the code page, and their error states. */
    @Test
    void theTwoStepPagesHaveNoAccessibilityViolations() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        long partnership =
                jdbc.sql("SELECT min(id) FROM partnership").query(Long.class).single();
        String admin = "second-admin@test.local";
        users.create(
                partnership,
                new UserRepository.NewUser(admin, "Second admin", Role.ADMIN, null),
                passwords.encode(LEAD_PASSWORD));
        passwordOnly(admin, LEAD_PASSWORD);
        assertThat(chromium.path()).isEqualTo("/account/two-step");
        check("two-step-set-up", violations);
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/account/two-step'] button[type=submit]"))
                .click();
        check("two-step-set-up-errors", violations);
        chromium.secondStep(admin);
        assertThat(chromium.text(".govuk-notification-banner")).contains("make recovery codes now");
        check("two-step-reminder", violations);
        chromium.open("/account/two-step");
        check("two-step-on", violations);
        submitAndWait("form[action$='/account/two-step/recovery-codes'] button[type=submit]");
        assertThat(chromium.driver().findElements(By.cssSelector("#recovery-codes li")))
                .hasSize(10);
        check("two-step-recovery-codes", violations);

        chromium.driver().manage().deleteAllCookies();
        passwordOnly(admin, LEAD_PASSWORD);
        assertThat(chromium.path()).isEqualTo("/sign-in/code");
        check("sign-in-code", violations);
        type("#code", TwoStepCodes.wrong(port, admin));
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/sign-in/code'] button[type=submit]"))
                .click();
        check("sign-in-code-errors", violations);
        chromium.driver().findElement(By.cssSelector("details summary")).click();
        type("#recoveryCode", "not a recovery code");
        submitAndWait("form[action$='/sign-in/code'] button.govuk-button--secondary");
        check("sign-in-recovery-code-errors", violations);
        chromium.secondStep(admin);
        assertThat(chromium.path()).isEqualTo("/plans");

        chromium.driver().manage().deleteAllCookies();
        String lead = "two-step-lead@test.local";
        users.create(
                partnership,
                new UserRepository.NewUser(lead, "Lead by choice", Role.LEAD, null),
                passwords.encode(LEAD_PASSWORD));
        signIn(lead, LEAD_PASSWORD);
        chromium.open("/account/two-step");
        TwoStepCodes.learn(port, lead, chromium.text("#secret"));
        type("#code", TwoStepCodes.next(port, lead));
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/account/two-step'] button[type=submit]"))
                .click();
        assertThat(chromium.text(".govuk-notification-banner")).contains("Two-step sign-in is on");
        check("two-step-turned-on", violations);
        chromium.driver()
                .findElement(By.cssSelector("form[action$='/account/two-step/off'] button[type=submit]"))
                .click();
        check("two-step-off-errors", violations);

        assertThat(violations)
                .as("axe-core violations by page")
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
    }

    /** The platform operator's page, its error state and the page that shows a new partnership's admin password. */
    @Test
    void thePlatformPagesHaveNoAccessibilityViolations() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String operator = "browser-operator@platform.example";
        signIn(operator, platform.addOperator(operator).password());
        assertThat(chromium.path()).isEqualTo("/platform");
        check("platform", violations);
        submitAndWait("main form button[type=submit]");
        assertThat(chromium.text(".govuk-error-summary")).contains("Enter the partnership's name");
        check("platform-errors", violations);
        type("#name", "Eastmoor Safeguarding Partnership");
        type("#adminEmail", "first-admin@eastmoor.example");
        submitAndWait("main form button[type=submit]");
        assertThat(chromium.text("h1")).isEqualTo("Eastmoor Safeguarding Partnership is ready");
        check("platform-created", violations);

        assertThat(violations)
                .as("axe-core violations by page")
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
    }

    /** The invitation pages, an admin's and the invited person's, error states included (no mail set up here). */
    @Test
    void theInvitationPagesHaveNoAccessibilityViolations() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        chromium.open("/admin/invitations/new");
        check("invite", violations);
        chromium.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        check("invite-errors", violations);

        type("#email", "browser.invitee@test.local");
        type("#name", "Browser Invitee");
        chromium.driver().findElement(By.cssSelector("label[for=role-lead]")).click();
        new Select(chromium.driver().findElement(By.id("agency"))).selectByIndex(1);
        chromium.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        String link = chromium.driver().findElement(By.id("invitation-link")).getAttribute("value");
        check("invitation-link", violations);
        chromium.open("/admin/invitations");
        check("invitations", violations);

        chromium.driver().manage().deleteAllCookies();
        chromium.open(URI.create(link).getPath());
        check("invitation-accept", violations);
        type("#password", "short");
        chromium.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        check("invitation-accept-errors", violations);
        chromium.open("/invitations/no-such-link");
        check("invitation-unusable", violations);
        chromium.open("/sign-in/no-account");
        check("sign-in-no-account", violations);

        assertThat(violations)
                .as("axe-core violations by page")
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
    }

    @Test
    void theAccessibilityCheckCatchesAViolationWhenThereIsOne() {
        chromium.open("/sign-in");
        chromium.driver()
                .executeScript(
                        "document.querySelector('label[for=email]').remove();"
                                + "const i = document.createElement('img'); i.src = '/favicon.ico'; document.querySelector('main').appendChild(i);");

        assertThat(chromium.accessibilityViolations())
                .anySatisfy(v -> assertThat(v).startsWith("label:"))
                .anySatisfy(v -> assertThat(v).startsWith("image-alt:"));
    }

    /** A corpus of stored script payloads: markup, event handlers, script URLs, encodings, template syntax. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "\"><svg onload=\"window.__xss='svg'\">",
            "javascript:window.__xss='href'",
            "</textarea><script>window.__xss='textarea'</script>",
            "{{7*7}} ${7*7} [[${7*7}]] <b onmouseover=\"window.__xss='b'\">bold</b>",
            "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
            "<a href=\"javascript:window.__xss='a'\">link</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='math'\">",
            "<details open ontoggle=\"window.__xss='details'\">",
            "'\"><body onload=\"window.__xss='body'\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss='meta'\">",
            "<input autofocus onfocus=\"window.__xss='focus'\">",
            "<form action=\"javascript:window.__xss='form'\"><button>go</button></form>",
            "%3Cscript%3Ewindow.__xss='encoded'%3C/script%3E &lt;script&gt;window.__xss='entity'&lt;/script&gt;",
            "]]><script>window.__xss='cdata'</script> <!--<script>window.__xss='comment'</script>-->",
            "<template><script>window.__xss='template'</script></template><noscript><p title=\"</noscript><img src=x onerror=window.__xss='noscript'>\">");

    /** Text people type is stored as typed and shown as text: the corpus in every text field runs nothing anywhere. */
    @Test
    void storedScriptPayloadsRunNowhere() {
        String payload = String.join(" ", PAYLOADS);
        // the last open action, so that the other journeys (which take the first) are not affected
        String action = jdbc.sql("""
                SELECT '/plans/' || p.external_id || '/actions/' || a.external_id FROM action a JOIN plan p ON p.id = a.plan_id
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') ORDER BY a.id DESC LIMIT 1""").query(String.class).single();
        String actionId = action.substring(action.lastIndexOf('/') + 1);
        long partnership = jdbc.sql("SELECT partnership_id FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Long.class)
                .single();
        long planId = jdbc.sql("SELECT plan_id FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Long.class)
                .single();
        // every text field of the plan, its sections, findings, glossary and the action, as an import could bring them
        jdbc.sql("""
                UPDATE action SET text = ?, lead_raw = ?, oversight_raw = ?, expected_impact = ?, evidence_of_impact = ?,
                    ref = ?, original_due_raw = ?, current_due_raw = ?, status_word = ?
                WHERE external_id = ?""")
                .params(
                        payload,
                        payload,
                        payload,
                        payload,
                        payload,
                        "1.1 <script>window.__xss='ref'</script>",
                        payload,
                        payload,
                        "<script>window.__xss='word'</script>",
                        actionId)
                .update();
        jdbc.sql("""
                UPDATE plan SET title = ?, area = ?, version_label = ?, lead_officer = ?, preamble = ?, success_criteria = ?,
                    measures = ?, source = ? WHERE id = ?""")
                .params("Plan " + payload, payload, payload, payload, payload, payload, payload, payload, planId)
                .update();
        jdbc.sql("UPDATE section SET title = ?, description = ? WHERE plan_id = ?")
                .params(payload, payload, planId)
                .update();
        jdbc.sql("UPDATE finding SET text = ?, ref = ? WHERE plan_id = ?")
                .params(payload, "F <script>window.__xss='fref'</script>", planId)
                .update();
        jdbc.sql(
                        "INSERT INTO plan_glossary_term (partnership_id, plan_id, position, term, meaning) VALUES (?, ?, 99, ?, ?)")
                .params(partnership, planId, "<script>window.__xss='term'</script>", payload)
                .update();
        // and the partnership's directory: an agency, a body and a person named with the corpus, an account and an
        // invitation
        jdbc.sql("INSERT INTO agency (partnership_id, external_id, name, short_name) VALUES (?, 'xss-agency', ?, ?)")
                .params(partnership, "Agency " + payload, "<script>window.__xss='short'</script>")
                .update();
        jdbc.sql(
                        "INSERT INTO agency_alias (partnership_id, agency_id, alias) SELECT partnership_id, id, ? FROM agency WHERE external_id = 'xss-agency'")
                .param("Alias " + payload)
                .update();
        jdbc.sql("INSERT INTO body (partnership_id, external_id, name) VALUES (?, 'xss-body', ?)")
                .params(partnership, "Body " + payload)
                .update();
        jdbc.sql(
                        "INSERT INTO person (partnership_id, external_id, name, job_title, email) VALUES (?, 'xss-person', ?, ?, ?)")
                .params(partnership, "Person " + payload, payload, "x@example.org")
                .update();
        jdbc.sql(
                        "INSERT INTO app_user (partnership_id, external_id, email, display_name, role) VALUES (?, 'xss-user', 'xss@test.local', ?, 'VIEWER')")
                .params(partnership, "User " + payload)
                .update();
        long admin = jdbc.sql("SELECT id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO invitation (partnership_id, external_id, email, display_name, role, token_hash, invited_by, created_at, expires_at)
                VALUES (?, 'xss-invitation', 'xss-invited@test.local', ?, 'BOARD', sha256('xss'::bytea), ?, now(), now() + interval '7 days')""").params(partnership, "Invited " + payload, admin).update();
        // API tokens' names are at most 100 characters: one token for each payload that fits
        for (String each : PAYLOADS) {
            if (each.length() <= 100) {
                jdbc.sql("""
                        INSERT INTO api_token (partnership_id, external_id, user_id, name, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, sha256(convert_to(?, 'UTF8')), now(), now() + interval '30 days')""")
                        .params(partnership, "xss-token-" + PAYLOADS.indexOf(each), admin, each, each)
                        .update();
            }
        }

        signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        chromium.open(action);
        type("#narrative", payload);
        type("#evidenceUrl", "javascript:window.__xss='evidence'");
        submitAndWait("form[action$='/updates'] button[type=submit]");
        type("#evidenceUrl", "");
        submitAndWait("form[action$='/updates'] button[type=submit]");
        chromium.open(action);
        type("#comment", payload);
        submitAndWait("form[action$='/comments'] button[type=submit]");
        // an admin's change puts the corpus into the audit log's before and after too
        chromium.open("/admin/bodies/xss-body");
        // within the length limits of names (200) and each alias: a name with a script, each payload an alias
        type("#name", "Body <script>window.__xss='body'</script>");
        type("#aliases", String.join("\n", PAYLOADS));
        submitAndWait("main form button[type=submit]");

        String plan = action.substring(0, action.indexOf("/actions/"));
        for (String path : List.of(
                action,
                plan,
                plan + "?q=script",
                "/dashboard",
                "/plans",
                "/actions?q=svg",
                "/search?q=script",
                action + "/edit",
                "/my-actions",
                "/admin/agencies",
                "/admin/agencies/xss-agency",
                "/admin/bodies",
                "/admin/bodies/xss-body",
                "/admin/people",
                "/admin/people/xss-person",
                "/admin/users",
                "/admin/users/xss-user",
                "/admin/audit",
                "/admin/invitations",
                "/admin/invitations/xss-invitation",
                "/actions?agency=xss-agency",
                "/account/api-tokens")) {
            chromium.open(path);
            Object ran = chromium.driver().executeScript("return window.__xss || null");
            assertThat(ran).as("a payload ran on " + path).isNull();
            // and, CSP aside, none became markup: escaping alone keeps them text
            Object injected = chromium.driver().executeScript("""
                    return document.querySelectorAll('main script, main iframe, main img[src=x], main math, main details[ontoggle], \
                    main [onerror], main [onload], main [onfocus], main [onmouseover], main a[href^="javascript"], \
                    main form[action^="javascript"], body meta[http-equiv]').length""");
            assertThat(injected).as("markup from a payload on " + path).isEqualTo(0L);
            assertThat(chromium.driver().getCurrentUrl())
                    .as("nothing navigated away from " + path)
                    .contains(path.replaceAll("\\?.*", ""));
        }
        chromium.open(action);
        assertThat(chromium.driver()
                        .findElement(By.cssSelector(".govuk-body-l"))
                        .getText())
                .as("shown as the text it is")
                .contains("<script>window.__xss='script'</script>");
        chromium.open("/admin/audit");
        assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains("CHANGED_BODY");
    }

    private void check(String name, Map<String, List<String>> violations) {
        chromium.screenshot(name);
        violations.put(name, new ArrayList<>(chromium.accessibilityViolations()));
    }

    /** The demo's action in the state named, which the demo always shows (DemoShowcase). */
    private String actionWhere(String condition) {
        return jdbc.sql("SELECT '/plans/' || p.external_id || '/actions/' || a.external_id FROM action a"
                        + " JOIN plan p ON p.id = a.plan_id WHERE " + condition + " ORDER BY a.id LIMIT 1")
                .query(String.class)
                .single();
    }

    private String anOpenActionPath() {
        return jdbc.sql("""
                SELECT '/plans/' || p.external_id || '/actions/' || a.external_id FROM action a JOIN plan p ON p.id = a.plan_id
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') ORDER BY a.id LIMIT 1""").query(String.class).single();
    }

    private void signIn(String email, String password) {
        passwordOnly(email, password);
        chromium.secondStep(email);
    }

    private void passwordOnly(String email, String password) {
        chromium.open("/sign-in");
        type("#email", email);
        type("#password", password);
        chromium.driver()
                .findElement(By.cssSelector("form button[type=submit]"))
                .click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                .until(d -> !chromium.path().equals("/sign-in"));
    }

    /** Clicks and waits for the next page, so that the next look is not at the page being left. */
    private void submitAndWait(String css) {
        WebElement button = chromium.driver().findElement(By.cssSelector(css));
        button.click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    }

    private void type(String css, String text) {
        WebElement field = chromium.driver().findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }
}
