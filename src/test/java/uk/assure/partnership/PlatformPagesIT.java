package uk.assure.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * One installation, many partnerships: a platform operator makes a partnership and its first admin from their page,
 * that admin signs in to a partnership of their own, and the operator reaches nothing any partnership holds — nor
 * does a partnership's admin reach the operator's page or make an operator.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=platform-pages")
class PlatformPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Platform platform;

    @Autowired
    JdbcClient jdbc;

    Browserless operator;
    String operatorEmail;

    @BeforeEach
    void anOperatorSignedIn() {
        operatorEmail = "operator-" + System.nanoTime() + "@platform.example";
        Platform.OperatorAdded added = platform.addOperator(operatorEmail);
        operator = new Browserless(port);
        operator.signIn(operatorEmail, added.password());
    }

    @Test
    void theOperatorMakesAPartnershipWhoseAdminSignsInToItAlone() {
        Document home = operator.page("/");
        assertThat(home.location()).endsWith("/platform");
        assertThat(home.select("tbody td").eachText()).contains(firstPartnership());

        String name = "Eastmoor " + System.nanoTime();
        String email = "first-admin-" + System.nanoTime() + "@eastmoor.example";
        HttpResponse<String> made = operator.post(
                "/platform/partnerships", Map.of("_csrf", Browserless.csrf(home), "name", name, "adminEmail", email));
        assertThat(made.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(made.body());
        assertThat(page.select("h1").text()).isEqualTo(name + " is ready");
        String password = page.getElementById("password").text();

        assertThat(operator.page("/platform")
                        .select("tbody tr:contains(" + name + ") td")
                        .eachText())
                .as("listed with one account and no plans")
                .startsWith(name)
                .endsWith("1", "0");

        Browserless admin = new Browserless(port);
        admin.signIn(email, password);
        Document plans = admin.page("/plans");
        assertThat(plans.location()).endsWith("/plans");
        long planCount = jdbc.sql("SELECT count(*) FROM plan").query(Long.class).single();
        assertThat(planCount).as("the first partnership has plans").isPositive();
        assertThat(plans.select("main a[href^=/plans/]"))
                .as("the new partnership sees none of them")
                .isEmpty();
        assertThat(admin.page("/admin/users").select("tbody tr").eachText())
                .as("its only account is its admin")
                .singleElement()
                .asString()
                .contains(email);

        assertThat(jdbc.sql(
                                "SELECT actor FROM audit_event WHERE event_type = 'PARTNERSHIP_CREATED' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo(operatorEmail);
    }

    @Test
    void aNameOrEmailThatCannotBeUsedIsAFieldErrorAndMakesNothing() {
        long before = partnerships();
        String csrf = Browserless.csrf(operator.page("/platform"));
        Map<String, String> cases = Map.of(
                "",
                "Enter the partnership's name",
                firstPartnership().toUpperCase(),
                "already exists",
                "x".repeat(201),
                "200 characters or fewer");
        cases.forEach((name, error) -> {
            HttpResponse<String> refused = operator.post(
                    "/platform/partnerships", Map.of("_csrf", csrf, "name", name, "adminEmail", "someone@example.org"));
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#name-error").text()).contains(error);
            assertThat(page.select(".govuk-error-summary a[href=#name]")).isNotEmpty();
        });
        HttpResponse<String> taken = operator.post(
                "/platform/partnerships",
                Map.of(
                        "_csrf",
                        csrf,
                        "name",
                        "Westdale " + System.nanoTime(),
                        "adminEmail",
                        FreshDatabase.ADMIN_EMAIL.toUpperCase()));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(taken.body()).select("#adminEmail-error").text())
                .contains("An account already signs in with");
        assertThat(partnerships()).isEqualTo(before);
    }

    @Test
    void theOperatorReachesNoPartnershipsPagesAndNoAdminReachesTheOperators() {
        for (String path : new String[] {"/plans", "/dashboard", "/my-actions", "/actions", "/admin", "/admin/users"}) {
            assertThat(operator.get(path).statusCode()).as(path).isEqualTo(403);
        }
        Browserless admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        assertThat(admin.get("/platform").statusCode()).isEqualTo(403);

        Document form = admin.page("/admin/invitations/new");
        assertThat(form.select("input[name=role], option").eachAttr("value")).doesNotContain("OPERATOR");
        HttpResponse<String> invited = admin.post(
                "/admin/invitations",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "email",
                        "sneaky@example.org",
                        "name",
                        "Sneaky",
                        "role",
                        "OPERATOR"));
        assertThat(invited.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE lower(email) = 'sneaky@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long partnerships() {
        return jdbc.sql("SELECT count(*) FROM partnership").query(Long.class).single();
    }

    private String firstPartnership() {
        return jdbc.sql("SELECT name FROM partnership WHERE kind = 'partnership' ORDER BY id LIMIT 1")
                .query(String.class)
                .single();
    }
}
