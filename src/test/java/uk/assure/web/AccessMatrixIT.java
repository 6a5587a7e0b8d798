package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.assure.account.AccessRefused;
import uk.assure.account.ApiTokens;
import uk.assure.account.Invitations;
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.account.UserAdmin;
import uk.assure.account.UserRepository;
import uk.assure.importer.PendingImports;
import uk.assure.importer.PlanImports;
import uk.assure.importer.PlanParsers;
import uk.assure.partnership.DirectoryAdmin;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.partnership.SignOffRules;
import uk.assure.plan.ActionChanges;
import uk.assure.plan.ActionFilter;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.EvidenceFile;
import uk.assure.plan.InvalidProgressException;
import uk.assure.plan.PlanWork;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.plan.SignOffs;
import uk.assure.plan.StaleActionException;
import uk.assure.report.BoardPacks;
import uk.assure.report.PlanExports;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.system.ExternalIds;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;
import uk.assure.system.Scope;

/**
 * Every route the app serves, asked by every kind of person, about objects of each partnership: the answer each
 * gets is compared with what the role model (docs/security.md) says it should be. The routes come from the app
 * itself, so a new route with no expected answers here fails this test until someone decides who may use it.
 *
 * <p>The persons: an admin, a lead whose agency leads the action of set A1, a lead whose agency leads the action
 * of set A2, a board member, a viewer granted the plan of A1 only (all of partnership A), an admin of partnership
 * B, and someone not signed in; pages are asked in each person's session, the JSON API with each person's token
 * (made on their account page; none for someone not signed in). The object sets: A1 and A2 (plans, actions, evidence … of A) and B (of B). Forms
 * are sent empty, so that an allowed request is refused on its input, not carried out, and the cells stay
 * independent; imports held for confirming are made afresh for each request.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=access-matrix")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String PASSWORD = "a long enough test password";

    enum Person {
        ADMIN,
        LEAD_OWN,
        LEAD_OTHER,
        BOARD,
        VIEWER,
        ADMIN_OF_B,
        ANONYMOUS
    }

    enum Objects {
        A1,
        A2,
        B
    }

    /** What a person may be answered: the page, a refusal that says why, "not found", or the sign-in page. */
    enum Answer {
        OK,
        REDIRECT,
        FORBIDDEN,
        NOT_FOUND,
        SIGN_IN
    }

    /** Who may use a route, in the role model's terms. */
    enum Rule {
        PUBLIC,
        INVITATION_LINK,
        HOME,
        SIGNED_IN,
        SECOND_STEP,
        SEE_EVERY_PLAN,
        READ_PLAN,
        UPDATE,
        COMMENT,
        EDIT_WORDING,
        IMPORT,
        ADMINISTER,
        OWN_TOKEN,
        /** The platform operator's pages: no partnership's person, admins included (PlatformPagesIT signs in as one). */
        OPERATE,
        /** An admin, or a member of the action's oversight body (none of these people sits on one). */
        SIGN_OFF
    }

    /** Every route's rule; a route missing here fails the test. */
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /sign-in", Rule.PUBLIC);
        RULES.put("GET /", Rule.HOME);
        RULES.put("GET /plans", Rule.SIGNED_IN);
        RULES.put("GET /rag", Rule.SIGNED_IN);
        RULES.put("GET /admin/sign-off", Rule.ADMINISTER);
        RULES.put("POST /admin/sign-off", Rule.ADMINISTER);
        RULES.put("POST /admin/sign-off/members", Rule.ADMINISTER);
        for (String prefix : List.of("", "/api/v1")) {
            for (String step :
                    List.of("completion/confirm", "completion/send-back", "revision/accept", "revision/refuse")) {
                RULES.put("POST " + prefix + "/plans/{planId}/actions/{actionId}/" + step, Rule.SIGN_OFF);
            }
        }
        RULES.put("GET /account/password", Rule.SIGNED_IN);
        RULES.put("POST /account/password", Rule.SIGNED_IN);
        RULES.put("GET /account/two-step", Rule.SIGNED_IN);
        RULES.put("POST /account/two-step", Rule.SIGNED_IN);
        RULES.put("POST /account/two-step/off", Rule.SIGNED_IN);
        RULES.put("POST /account/two-step/recovery-codes", Rule.SIGNED_IN);
        // for a session that gave the right password and owes a code; everyone here is fully signed in
        RULES.put("GET /sign-in/code", Rule.SECOND_STEP);
        RULES.put("POST /sign-in/code", Rule.SECOND_STEP);
        RULES.put("GET /dashboard", Rule.SEE_EVERY_PLAN);
        RULES.put("GET /my-actions", Rule.SEE_EVERY_PLAN);
        RULES.put("GET /actions", Rule.SEE_EVERY_PLAN);
        RULES.put("GET /search", Rule.SEE_EVERY_PLAN);
        RULES.put("GET /plans/{planId}", Rule.READ_PLAN);
        RULES.put("GET /plans/{planId}/actions/{actionId}", Rule.READ_PLAN);
        RULES.put("GET /evidence/{fileId}", Rule.READ_PLAN);
        RULES.put("POST /plans/{planId}/actions/{actionId}/updates", Rule.UPDATE);
        RULES.put("POST /plans/{planId}/actions/{actionId}/links", Rule.UPDATE);
        RULES.put("POST /plans/{planId}/actions/{actionId}/comments", Rule.COMMENT);
        RULES.put("GET /plans/{planId}/actions/{actionId}/edit", Rule.EDIT_WORDING);
        RULES.put("POST /plans/{planId}/actions/{actionId}/edit", Rule.EDIT_WORDING);
        RULES.put("GET /imports/new", Rule.IMPORT);
        RULES.put("POST /imports", Rule.IMPORT);
        RULES.put("GET /imports/{id}", Rule.IMPORT);
        RULES.put("POST /imports/{id}/confirm", Rule.IMPORT);
        RULES.put("POST /imports/{id}/cancel", Rule.IMPORT);
        RULES.put("GET /platform", Rule.OPERATE);
        RULES.put("POST /platform/partnerships", Rule.OPERATE);
        RULES.put("GET /admin", Rule.ADMINISTER);
        RULES.put("GET /admin/agencies", Rule.ADMINISTER);
        RULES.put("POST /admin/agencies", Rule.ADMINISTER);
        RULES.put("GET /admin/agencies/{id}", Rule.ADMINISTER);
        RULES.put("POST /admin/agencies/{id}", Rule.ADMINISTER);
        RULES.put("GET /admin/bodies", Rule.ADMINISTER);
        RULES.put("POST /admin/bodies", Rule.ADMINISTER);
        RULES.put("GET /admin/bodies/{id}", Rule.ADMINISTER);
        RULES.put("POST /admin/bodies/{id}", Rule.ADMINISTER);
        RULES.put("GET /admin/people", Rule.ADMINISTER);
        RULES.put("POST /admin/people", Rule.ADMINISTER);
        RULES.put("GET /admin/people/{personId}", Rule.ADMINISTER);
        RULES.put("POST /admin/people/{personId}", Rule.ADMINISTER);
        RULES.put("GET /admin/users", Rule.ADMINISTER);
        RULES.put("GET /admin/users/{userId}", Rule.ADMINISTER);
        RULES.put("POST /admin/users/{userId}", Rule.ADMINISTER);
        RULES.put("POST /admin/users/{userId}/grants", Rule.ADMINISTER);
        RULES.put("POST /admin/users/{userId}/two-step/reset", Rule.ADMINISTER);
        RULES.put("POST /admin/users/{userId}/grants/{planId}/revoke", Rule.ADMINISTER);
        RULES.put("POST /admin/users/{userId}/api-tokens/{tokenId}/revoke", Rule.ADMINISTER);
        RULES.put("GET /admin/audit", Rule.ADMINISTER);
        RULES.put("GET /admin/invitations", Rule.ADMINISTER);
        RULES.put("POST /admin/invitations", Rule.ADMINISTER);
        RULES.put("GET /admin/invitations/new", Rule.ADMINISTER);
        RULES.put("GET /admin/invitations/{id}", Rule.ADMINISTER);
        RULES.put("POST /admin/invitations/{id}/resend", Rule.ADMINISTER);
        RULES.put("POST /admin/invitations/{id}/revoke", Rule.ADMINISTER);
        // an invitation's link, and single sign-on's refusal page: for people not signed in yet
        RULES.put("GET /invitations/{token}", Rule.INVITATION_LINK);
        RULES.put("POST /invitations/{token}", Rule.INVITATION_LINK);
        RULES.put("GET /sign-in/no-account", Rule.PUBLIC);
        // one's own API tokens; the token to revoke is the admin's of each set, so only that admin finds it
        RULES.put("GET /account/api-tokens", Rule.SIGNED_IN);
        RULES.put("POST /account/api-tokens", Rule.SIGNED_IN);
        RULES.put("POST /account/api-tokens/{tokenId}/revoke", Rule.OWN_TOKEN);
        // the JSON API, asked with each person's token (anonymous: none); its description is public
        RULES.put("GET /api/openapi", Rule.PUBLIC);
        RULES.put("GET /api/openapi.yaml", Rule.PUBLIC);
        RULES.put("GET /api/v1/plans", Rule.SIGNED_IN);
        // reports: a pack holds only what the person may read (a viewer: their granted plans); admins take
        // snapshots and issue packs; an issued pack opens for whoever may read every plan it covers
        RULES.put("GET /reports", Rule.SIGNED_IN);
        RULES.put("GET /reports/pack", Rule.SIGNED_IN);
        RULES.put("GET /reports/pack.pdf", Rule.SIGNED_IN);
        RULES.put("GET /reports/pack.docx", Rule.SIGNED_IN);
        RULES.put("GET /plans/{planId}/pack", Rule.READ_PLAN);
        RULES.put("POST /reports/snapshots", Rule.ADMINISTER);
        RULES.put("POST /reports/packs", Rule.ADMINISTER);
        RULES.put("GET /reports/packs/{packId}", Rule.READ_PLAN);
        RULES.put("GET /reports/packs/{packId}/pdf", Rule.READ_PLAN);
        RULES.put("GET /reports/packs/{packId}/docx", Rule.READ_PLAN);
        RULES.put("GET /reports/pack/published", Rule.SIGNED_IN);
        RULES.put("GET /reports/pack/published.pdf", Rule.SIGNED_IN);
        RULES.put("GET /reports/pack/published.docx", Rule.SIGNED_IN);
        RULES.put("POST /plans/{planId}/actions/{actionId}/publication", Rule.ADMINISTER);
        RULES.put("GET /plans/{planId}/evidence-bundle", Rule.READ_PLAN);
        RULES.put("GET /plans/{planId}/evidence-bundle.zip", Rule.READ_PLAN);
        RULES.put("GET /plans/{planId}/evidence-bundle.pdf", Rule.READ_PLAN);
        // plan exports: for whoever may read the plan; the pack in the API as on the page
        for (String format : List.of("docx", "xlsx", "csv", "json", "pdf")) {
            RULES.put("GET /plans/{planId}/export." + format, Rule.READ_PLAN);
        }
        RULES.put("GET /api/v1/plans/{planId}/export", Rule.READ_PLAN);
        RULES.put("GET /api/v1/packs", Rule.SIGNED_IN);
        RULES.put("GET /api/v1/my-actions", Rule.SEE_EVERY_PLAN);
        // the actions list reads what the caller may read: a viewer's granted plans (ActionsApiIT holds that)
        RULES.put("GET /api/v1/actions", Rule.SIGNED_IN);
        RULES.put("GET /api/v1/plans/{planId}", Rule.READ_PLAN);
        RULES.put("GET /api/v1/plans/{planId}/actions/{actionId}", Rule.READ_PLAN);
        RULES.put("GET /api/v1/evidence/{fileId}", Rule.READ_PLAN);
        RULES.put("POST /api/v1/plans/{planId}/actions/{actionId}/updates", Rule.UPDATE);
        RULES.put("POST /api/v1/plans/{planId}/actions/{actionId}/comments", Rule.COMMENT);
    }

    /** The role model, written out: what each person should be answered on a route, about a set of objects. */
    static Answer expected(Rule rule, Person person, Objects objects, String method) {
        if (rule == Rule.PUBLIC) {
            return Answer.OK;
        }
        if (rule == Rule.INVITATION_LINK) {
            // an unknown, used or expired link: the same "cannot be used" page for anyone, leaking nothing
            return Answer.NOT_FOUND;
        }
        if (person == Person.ANONYMOUS) {
            return Answer.SIGN_IN;
        }
        boolean admin = person == Person.ADMIN || person == Person.ADMIN_OF_B;
        boolean ownPartnership = objects == null || (objects == Objects.B) == (person == Person.ADMIN_OF_B);
        boolean sees = ownPartnership && !(person == Person.VIEWER && objects == Objects.A2);
        return switch (rule) {
            case PUBLIC -> Answer.OK;
            case INVITATION_LINK -> Answer.NOT_FOUND;
            case HOME -> Answer.REDIRECT;
            case SIGNED_IN -> Answer.OK;
            // someone already signed in who asks for the code page is sent on to their plans
            case SECOND_STEP -> "GET".equals(method) ? Answer.REDIRECT : Answer.OK;
            case SEE_EVERY_PLAN -> person == Person.VIEWER ? Answer.FORBIDDEN : Answer.OK;
            case READ_PLAN -> sees ? Answer.OK : Answer.NOT_FOUND;
            case UPDATE ->
                !sees
                        ? Answer.NOT_FOUND
                        : admin
                                        || person == Person.LEAD_OWN && objects == Objects.A1
                                        || person == Person.LEAD_OTHER && objects == Objects.A2
                                ? Answer.OK
                                : Answer.FORBIDDEN;
            case COMMENT -> !sees ? Answer.NOT_FOUND : admin || person == Person.BOARD ? Answer.OK : Answer.FORBIDDEN;
            case EDIT_WORDING -> !sees ? Answer.NOT_FOUND : admin ? Answer.OK : Answer.FORBIDDEN;
            // capability first: someone who may not import or administer at all is told so, whatever the object
            case IMPORT, ADMINISTER -> !admin ? Answer.FORBIDDEN : ownPartnership ? Answer.OK : Answer.NOT_FOUND;
            case OWN_TOKEN -> admin && ownPartnership ? Answer.OK : Answer.NOT_FOUND;
            case OPERATE -> Answer.FORBIDDEN;
            case SIGN_OFF -> !sees ? Answer.NOT_FOUND : admin ? Answer.OK : Answer.FORBIDDEN;
        };
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    ProgressService progress;

    @Autowired
    PendingImports pending;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    PlanWork work;

    @Autowired
    PlanImports imports;

    @Autowired
    DirectoryAdmin directoryAdmin;

    @Autowired
    UserAdmin userAdmin;

    @Autowired
    SignOffRules signOffRules;

    @Autowired
    Invitations invitations;

    @Autowired
    BoardPacks packs;

    @Autowired
    PlanExports exports;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final Map<Person, Browserless> browsers = new EnumMap<>(Person.class);
    final Map<Person, String> csrf = new EnumMap<>(Person.class);
    final Map<Person, ApiClient> apis = new EnumMap<>(Person.class);
    final Map<Objects, Map<String, String>> ids = new EnumMap<>(Objects.class);
    final Map<Objects, long[]> importers = new EnumMap<>(Objects.class);
    final Map<Person, String> emails = new EnumMap<>(Person.class);
    final Map<String, Integer> crossPartnership = new TreeMap<>();

    /** Set up once for both tests; the test's own thread sees every partnership while it does. */
    @BeforeAll
    void twoPartnershipsAndEveryKindOfPerson() {
        Scope.everyPartnership(this::setUp);
    }

    private void setUp() {
        long a = jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
        long adminOfA = jdbc.sql("SELECT id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
        // A1: an open action of one plan led by one agency; A2: an open action of another plan that agency does not
        // lead
        var first = jdbc.sql("""
                SELECT a.external_id, p.external_id, p.id, l.agency_id FROM action a JOIN plan p ON p.id = a.plan_id
                JOIN action_lead l ON l.action_id = a.id
                WHERE a.partnership_id = ? AND l.agency_id IS NOT NULL AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')
                ORDER BY a.id LIMIT 1""")
                .param(a)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)})
                .single();
        long agencyOwn = (Long) first[3];
        var second = jdbc.sql("""
                SELECT a.external_id, p.external_id, l.agency_id FROM action a JOIN plan p ON p.id = a.plan_id
                JOIN action_lead l ON l.action_id = a.id
                WHERE a.partnership_id = ? AND p.id <> ? AND l.agency_id IS NOT NULL AND l.agency_id <> ?
                  AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')
                  AND NOT EXISTS (SELECT 1 FROM action_lead o WHERE o.action_id = a.id AND o.agency_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM action_lead o JOIN action f ON f.id = o.action_id
                                  WHERE f.external_id = ? AND o.agency_id = l.agency_id)
                ORDER BY a.id LIMIT 1""")
                .params(a, first[2], agencyOwn, agencyOwn, first[0])
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .single();
        long agencyOther = (Long) second[2];

        users.create(
                a,
                new UserRepository.NewUser("own@matrix.test", "Own Lead", Role.LEAD, agencyOwn),
                passwords.encode(PASSWORD));
        users.create(
                a,
                new UserRepository.NewUser("other@matrix.test", "Other Lead", Role.LEAD, agencyOther),
                passwords.encode(PASSWORD));
        users.create(
                a,
                new UserRepository.NewUser("board@matrix.test", "Board Member", Role.BOARD, null),
                passwords.encode(PASSWORD));
        long viewer = users.create(
                a,
                new UserRepository.NewUser("viewer@matrix.test", "Inspector", Role.VIEWER, null),
                passwords.encode(PASSWORD));
        jdbc.sql(
                        "INSERT INTO viewer_grant (partnership_id, user_id, plan_id, expires_on) VALUES (?, ?, ?, current_date + 30)")
                .params(a, viewer, first[2])
                .update();
        long targetOfA = users.create(
                a, new UserRepository.NewUser("target-a@matrix.test", "Target A", Role.VIEWER, null), null);

        long b = directory.createPartnership("Partnership B").id();
        long agencyOfB = directory.createAgency(b, "Agency of B", null, List.of("AOB"));
        directory.createBody(b, "Board of B", List.of());
        directory.createPerson(b, "Person of B", "Lead of B", agencyOfB);
        long adminOfB = users.create(
                b,
                new UserRepository.NewUser("admin@b.matrix.test", "Admin of B", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        long targetOfB = users.create(
                b, new UserRepository.NewUser("target-b@matrix.test", "Target B", Role.VIEWER, null), null);
        PlanWriter.Created planOfB = writer.create(
                b,
                aPlan().titled("Plan of B")
                        .with(aSection("1").with(anAction("1.1").ledBy(agencyOfB, null)))
                        .build(),
                Instant.now());
        String actionOfB = planOfB.actionIdsByExternalId().keySet().iterator().next();

        ids.put(Objects.A1, objects(a, (String) first[1], (String) first[0], agencyOwn, targetOfA));
        ids.put(Objects.A2, objects(a, (String) second[1], (String) second[0], agencyOther, targetOfA));
        ids.put(Objects.B, objects(b, planOfB.externalId(), actionOfB, agencyOfB, targetOfB));
        importers.put(Objects.A1, new long[] {a, adminOfA});
        importers.put(Objects.A2, new long[] {a, adminOfA});
        importers.put(Objects.B, new long[] {b, adminOfB});

        emails.putAll(Map.of(
                Person.ADMIN,
                FreshDatabase.ADMIN_EMAIL,
                Person.LEAD_OWN,
                "own@matrix.test",
                Person.LEAD_OTHER,
                "other@matrix.test",
                Person.BOARD,
                "board@matrix.test",
                Person.VIEWER,
                "viewer@matrix.test",
                Person.ADMIN_OF_B,
                "admin@b.matrix.test"));
        for (Person person : Person.values()) {
            Browserless browser = new Browserless(port);
            if (person != Person.ANONYMOUS) {
                browser.signIn(emails.get(person), person == Person.ADMIN ? FreshDatabase.ADMIN_PASSWORD : PASSWORD);
                csrf.put(person, Browserless.csrf(browser.page("/account/password")));
                HttpResponse<String> made = browser.post(
                        "/account/api-tokens", Map.of("name", "Matrix", "lifetime", "30", "_csrf", csrf.get(person)));
                apis.put(
                        person,
                        new ApiClient(
                                port,
                                Jsoup.parse(made.body()).getElementById("token").text()));
            } else {
                csrf.put(person, Browserless.csrf(browser.page("/sign-in")));
                apis.put(person, new ApiClient(port, null));
            }
            browsers.put(person, browser);
        }
    }

    @Test
    void everyRouteAnswersEveryPersonAsTheRoleModelSays() throws Exception {
        List<String> routes = routes();
        assertThat(routes)
                .as("routes with no rule in this test: decide who may use them")
                .allSatisfy(route -> assertThat(RULES).containsKey(route));
        assertThat(RULES.keySet())
                .as("rules for routes the app no longer has")
                .allSatisfy(r -> assertThat(routes).contains(r));

        List<String> mismatches = new ArrayList<>();
        Map<String, String> table = new TreeMap<>();
        int cells = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            boolean hasObjects = pattern.contains("{");
            for (Objects objects : hasObjects ? Objects.values() : new Objects[] {null}) {
                StringBuilder row = new StringBuilder();
                for (Person person : Person.values()) {
                    String path = hasObjects ? fill(pattern, objects) : pattern;
                    HttpResponse<String> response = pattern.startsWith("/api/")
                            ? apis.get(person).send(method, path, "{}")
                            : browsers.get(person)
                                    .firstAnswer(
                                            method,
                                            path,
                                            "GET".equals(method) ? Map.of() : Map.of("_csrf", csrf.get(person)));
                    Answer want = expected(RULES.get(route), person, objects, method);
                    String got = answer(method, response);
                    cells++;
                    if (objects != null
                            && person != Person.ANONYMOUS
                            && (objects == Objects.B) != (person == Person.ADMIN_OF_B)) {
                        // asked about the other partnership's object: counted for docs/security.md's figures
                        crossPartnership.merge(method, 1, Integer::sum);
                        if (!got.equals(Answer.NOT_FOUND.name()) && !got.equals(Answer.FORBIDDEN.name())) {
                            crossPartnership.merge("answered", 1, Integer::sum);
                        }
                    }
                    row.append(String.format(" %-10s", got));
                    if (!got.equals(want.name())) {
                        mismatches.add(route + (objects == null ? "" : " [" + objects + "]") + " as " + person
                                + ": expected " + want + ", got " + got + " (" + path + ")");
                    }
                }
                table.put(route + (objects == null ? "" : " [" + objects + "]"), row.toString());
            }
        }
        String figures = String.format(
                "DRILL access matrix: %d routes, %d answers, %d mismatches; cross-partnership: %d reads (GET) and %d "
                        + "writes (POST), each asked as every signed-in person of the other partnership, %d answered "
                        + "other than 404 or 403",
                routes.size(),
                cells,
                mismatches.size(),
                crossPartnership.getOrDefault("GET", 0),
                crossPartnership.getOrDefault("POST", 0),
                crossPartnership.getOrDefault("answered", 0));
        System.out.println(figures);
        table.put("~ " + figures, "");
        writeTable(table);
        assertThat(cells).isGreaterThan(500);
        assertThat(crossPartnership.getOrDefault("answered", 0))
                .as("answers about the other partnership's objects other than 404 or 403")
                .isZero();
        assertThat(mismatches).as("answers that differ from the role model").isEmpty();
    }

    /** A use case asked of its service directly, as the route's handler asks it. */
    interface ServiceCall {
        void call(SignedInUser user, Map<String, String> objects);
    }

    /**
     * The services decide access themselves, so asking them directly, with no page or API in between, must give
     * each person the answer the role model gives on the route that uses them: allowed (the call goes on, to a
     * result or to a refusal of its input), refused with a reason, or "not found".
     */
    @Test
    void theServicesAnswerEveryPersonAsTheirRoutesDo() {
        Map<String, ServiceCall> calls = new LinkedHashMap<>();
        calls.put("GET /plans", (u, o) -> work.plans(u));
        calls.put("GET /plans/{planId}", (u, o) -> work.plan(u, o.get("planId")));
        calls.put(
                "GET /plans/{planId}/actions/{actionId}", (u, o) -> work.action(u, o.get("planId"), o.get("actionId")));
        calls.put("GET /evidence/{fileId}", (u, o) -> work.evidence(u, o.get("fileId")));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/updates", (u, o) -> work.requireUpdate(u, o.get("actionId")));
        calls.put("POST /plans/{planId}/actions/{actionId}/comments", (u, o) -> work.comment(u, o.get("actionId"), ""));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/edit",
                (u, o) -> work.edit(
                        u, o.get("actionId"), -1, new ActionChanges.Fields("1", "Text", null, null, null, null)));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/completion/confirm",
                (u, o) ->
                        work.confirmCompletion(u, o.get("actionId"), -1, new SignOffs.Confirmation(null, null, null)));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/completion/send-back",
                (u, o) -> work.sendBackCompletion(u, o.get("actionId"), -1, ""));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/revision/accept",
                (u, o) -> work.acceptRevision(u, o.get("actionId"), -1));
        calls.put(
                "POST /plans/{planId}/actions/{actionId}/revision/refuse",
                (u, o) -> work.refuseRevision(u, o.get("actionId"), -1, ""));
        calls.put("GET /admin/sign-off", (u, o) -> signOffRules.rules(u));
        calls.put("GET /dashboard", (u, o) -> work.dashboard(u, 15));
        calls.put("GET /actions", (u, o) -> work.actions(u, ActionFilter.of(Map.of())));
        calls.put("GET /my-actions", (u, o) -> work.myActions(u));
        calls.put("GET /api/v1/actions", (u, o) -> work.actions(u, ActionFilter.of(Map.of()), null, null, 10));
        calls.put("GET /search", (u, o) -> work.search(u, "plan", 5));
        calls.put("GET /imports/new", (u, o) -> imports.requireImport(u));
        calls.put("GET /admin/agencies/{id}", (u, o) -> {
            if (directoryAdmin
                    .find(u, DirectoryAdmin.Kind.AGENCY, o.get("agency"))
                    .isEmpty()) {
                throw new NotFoundException("Agency");
            }
        });
        calls.put("GET /admin/users", (u, o) -> userAdmin.accounts(u));
        calls.put("GET /reports", (u, o) -> packs.choices(u));
        calls.put(
                "GET /plans/{planId}/pack",
                (u, o) -> packs.pack(u, new BoardPacks.Request(List.of(o.get("planId")), null, null)));
        calls.put("POST /reports/snapshots", (u, o) -> packs.requireAdminister(u));
        calls.put("GET /reports/packs/{packId}", (u, o) -> packs.issued(u, o.get("packId")));
        calls.put("GET /admin/invitations", (u, o) -> invitations.list(u));
        calls.put(
                "GET /plans/{planId}/export.csv", (u, o) -> exports.export(u, o.get("planId"), PlanExports.Format.CSV));
        calls.put("GET /api/v1/packs", (u, o) -> packs.pack(u, new BoardPacks.Request(List.of(), null, null)));

        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, ServiceCall> call : calls.entrySet()) {
            String route = call.getKey();
            assertThat(RULES).as("a rule for " + route).containsKey(route);
            String method = route.substring(0, route.indexOf(' '));
            for (Objects objects : route.contains("{") ? Objects.values() : new Objects[] {null}) {
                for (Person person : Person.values()) {
                    if (person == Person.ANONYMOUS) {
                        continue; // the services are asked only for someone signed in
                    }
                    SignedInUser user = signedIn(person);
                    Map<String, String> ids = objects == null ? Map.of() : this.ids.get(objects);
                    String got = Scope.partnership(user.partnershipId(), () -> outcome(call.getValue(), user, ids));
                    Answer want = expected(RULES.get(route), person, objects, method);
                    String wanted = want == Answer.OK || want == Answer.REDIRECT ? "ALLOWED" : want.name();
                    cells++;
                    if (!got.equals(wanted)) {
                        mismatches.add(route + (objects == null ? "" : " [" + objects + "]") + " as " + person
                                + ": the route says " + wanted + ", the service " + got);
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        assertThat(mismatches)
                .as("services that answer otherwise than their routes")
                .isEmpty();
    }

    private static String outcome(ServiceCall call, SignedInUser user, Map<String, String> ids) {
        try {
            call.call(user, ids);
            return "ALLOWED";
        } catch (AccessRefused e) {
            return Answer.FORBIDDEN.name();
        } catch (NotFoundException e) {
            return Answer.NOT_FOUND.name();
        } catch (IllegalArgumentException | StaleActionException | InvalidInput | InvalidProgressException e) {
            return "ALLOWED"; // let in, then refused on what was sent
        }
    }

    private SignedInUser signedIn(Person person) {
        return Scope.everyPartnership(() -> jdbc.sql("""
                        SELECT id, external_id, partnership_id, email, display_name, role, agency_id FROM app_user
                        WHERE email = ?""")
                .param(emails.get(person))
                .query((rs, n) -> new SignedInUser(
                        rs.getLong("id"),
                        rs.getString("external_id"),
                        rs.getLong("partnership_id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        null,
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("agency_id", Long.class),
                        true))
                .single());
    }

    /**
     * Every form route the app serves (every POST outside the token-only API), sent by a signed-in admin with the
     * objects they may change, once without a CSRF token and once with another session's: each answers 403, and no
     * row of any table changes.
     */
    @Test
    void everyFormRouteRefusesAMissingOrWrongCsrfTokenAndNothingChanges() {
        List<String> posts = routes().stream()
                .filter(r -> r.startsWith("POST ") && !r.startsWith("POST /api/"))
                .toList();
        Map<String, String> paths = new LinkedHashMap<>();
        for (String route : posts) {
            String pattern = route.substring("POST ".length());
            paths.put(route, pattern.contains("{") ? fill(pattern, Objects.A1) : pattern);
        }
        Map<String, String> before = fingerprint();
        List<String> notRefused = new ArrayList<>();
        int attempts = 0;
        for (Map.Entry<String, String> path : paths.entrySet()) {
            for (Map<String, String> form : List.of(
                    Map.of("comment", "Forged", "narrative", "Forged"),
                    Map.of("comment", "Forged", "narrative", "Forged", "_csrf", csrf.get(Person.BOARD)))) {
                HttpResponse<String> answer = browsers.get(Person.ADMIN).firstAnswer("POST", path.getValue(), form);
                attempts++;
                if (answer.statusCode() != 403) {
                    notRefused.add(path.getKey() + (form.containsKey("_csrf") ? " (another session's token)" : "")
                            + ": " + answer.statusCode());
                }
            }
        }
        Map<String, String> after = fingerprint();
        System.out.printf(
                "DRILL CSRF: %d form routes, %d posts (each without a token and with another session's), "
                        + "%d answered other than 403, %d tables changed%n",
                paths.size(),
                attempts,
                notRefused.size(),
                before.keySet().stream()
                        .filter(t -> !before.get(t).equals(after.get(t)))
                        .count());
        assertThat(paths).hasSizeGreaterThan(30);
        assertThat(notRefused).isEmpty();
        assertThat(after).isEqualTo(before);
    }

    /** Each table's rows, counted and hashed, as the test's thread sees them (every partnership). */
    private Map<String, String> fingerprint() {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("""
                        SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                          AND tablename NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes')
                        """).query(String.class).list()) {
            tables.put(
                    table,
                    jdbc.sql("SELECT count(*) || ' ' || coalesce(sum(hashtext(r::text)), 0) FROM public.\"" + table
                                    + "\" r")
                            .query(String.class)
                            .single());
        }
        return tables;
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Map<String, String> a1 = ids.get(Objects.A1);
        String path = "/plans/" + a1.get("planId") + "/actions/" + a1.get("actionId") + "/comments";
        long before = jdbc.sql("SELECT count(*) FROM action_comment")
                .query(Long.class)
                .single();
        HttpResponse<String> refused =
                browsers.get(Person.ADMIN).firstAnswer("POST", path, Map.of("comment", "Forged"));
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = browsers.get(Person.ADMIN)
                .firstAnswer("POST", path, Map.of("comment", "Forged", "_csrf", csrf.get(Person.BOARD)));
        assertThat(wrong.statusCode()).as("another session's token").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM action_comment")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private Map<String, String> objects(long partnership, String plan, String action, long agency, long targetUser) {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("planId", plan);
        objects.put("actionId", action);
        int version = jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(action)
                .query(Integer.class)
                .single();
        progress.record(
                partnership,
                action,
                version,
                ProgressEntry.note("Evidence attached", ActionStatus.IN_PROGRESS),
                new ProgressService.Author(null, "Matrix"),
                EvidenceFile.of("evidence.txt", "An evidence file".getBytes(StandardCharsets.UTF_8)));
        objects.put("fileId", jdbc.sql("""
                SELECT f.external_id FROM evidence_file f JOIN progress_update u ON u.id = f.update_id
                JOIN action a ON a.id = u.action_id WHERE a.external_id = ? ORDER BY f.id DESC LIMIT 1""").param(action).query(String.class).single());
        objects.put(
                "agency",
                jdbc.sql("SELECT external_id FROM agency WHERE id = ?")
                        .param(agency)
                        .query(String.class)
                        .single());
        objects.put(
                "body",
                jdbc.sql("SELECT external_id FROM body WHERE partnership_id = ? ORDER BY id LIMIT 1")
                        .param(partnership)
                        .query(String.class)
                        .single());
        objects.put(
                "personId",
                jdbc.sql("SELECT external_id FROM person WHERE partnership_id = ? ORDER BY id LIMIT 1")
                        .param(partnership)
                        .query(String.class)
                        .single());
        objects.put(
                "invitation",
                jdbc.sql("""
                INSERT INTO invitation (partnership_id, external_id, email, display_name, role, token_hash, invited_by,
                    created_at, expires_at)
                VALUES (?, ?, ?, 'Invited', 'BOARD', ?, ?, now(), now() + interval '7 days') RETURNING external_id""")
                        .params(
                                partnership,
                                ExternalIds.next(),
                                "invited-" + action.toLowerCase() + "@matrix.test",
                                sha256(action),
                                targetUser)
                        .query(String.class)
                        .single());
        objects.put("packId", issuedPack(partnership, plan));
        objects.put(
                "userId",
                jdbc.sql("SELECT external_id FROM app_user WHERE id = ?")
                        .param(targetUser)
                        .query(String.class)
                        .single());
        return objects;
    }

    /** A pack of the one plan, issued by the partnership's admin, so that each set has one to open. */
    private String issuedPack(long partnership, String plan) {
        long admin = jdbc.sql("SELECT id FROM app_user WHERE partnership_id = ? AND role = 'ADMIN' ORDER BY id LIMIT 1")
                .param(partnership)
                .query(Long.class)
                .single();
        SignedInUser user =
                new SignedInUser(admin, "admin", partnership, "admin", "Admin", null, Role.ADMIN, null, true);
        return Scope.partnership(
                partnership,
                () -> packs.issue(
                        user,
                        new BoardPacks.Request(
                                List.of(plan), null, LocalDate.now().plusDays(28))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills a route's variables with the set's objects; an import held for confirming is made afresh each time. */
    private String fill(String pattern, Objects objects) {
        Map<String, String> set = ids.get(objects);
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value;
            if (name.equals("id") && pattern.startsWith("/imports/")) {
                long[] importer = importers.get(objects);
                value = Scope.partnership(
                        importer[0],
                        () -> pending.hold(
                                importer[0],
                                importer[1],
                                "matrix.txt",
                                PlanParsers.standard()
                                        .parse(
                                                "matrix.txt",
                                                "Matrix plan\n\nRef\tAction\tLead\n1.1\tCheck the matrix\tPolice\n"
                                                        .getBytes(StandardCharsets.UTF_8))));
            } else if (name.equals("id") && pattern.startsWith("/admin/invitations/")) {
                value = set.get("invitation");
            } else if (name.equals("tokenId") && pattern.startsWith("/admin/users/")) {
                long partnership = importers.get(objects)[0];
                long target = jdbc.sql("SELECT id FROM app_user WHERE external_id = ?")
                        .param(set.get("userId"))
                        .query(Long.class)
                        .single();
                value = Scope.partnership(
                        partnership,
                        () -> apiTokens
                                .create(users.findEnabled(partnership, target).orElseThrow(), "To revoke", 30)
                                .token()
                                .externalId());
            } else if (name.equals("tokenId")) {
                long[] owner = importers.get(objects);
                value = Scope.partnership(
                        owner[0],
                        () -> apiTokens
                                .create(users.findEnabled(owner[0], owner[1]).orElseThrow(), "To revoke", 30)
                                .token()
                                .externalId());
            } else if (name.equals("token")) {
                value = "a-link-nobody-was-sent";
            } else if (name.equals("id")) {
                value = set.get(pattern.startsWith("/admin/agencies") ? "agency" : "body");
            } else {
                value = set.get(name);
            }
            if (value == null) {
                throw new IllegalStateException(
                        "No object for {" + name + "} in " + pattern + ": add one to this test");
            }
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String answer(String method, HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        // a page sends someone not signed in to the sign-in page; the API answers 401
        if (status == 302 && location.matches(".*/sign-in(\\?.*)?$") || status == 401) {
            return Answer.SIGN_IN.name();
        }
        if (status == 403) {
            return Answer.FORBIDDEN.name();
        }
        if (status == 404) {
            return Answer.NOT_FOUND.name();
        }
        if ("GET".equals(method)) {
            return status == 200 ? Answer.OK.name() : status == 302 ? Answer.REDIRECT.name() : "HTTP " + status;
        }
        // a form sent empty is refused on its input (400), or does nothing and goes back (302): either way allowed
        return status == 200 || status == 201 || status == 302 || status == 400 || status == 409
                ? Answer.OK.name()
                : "HTTP " + status;
    }

    private List<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(method.name() + " " + pattern);
                }
            }
        }
        return new ArrayList<>(routes);
    }

    /** The whole matrix, for a reviewer: target/access-matrix.txt. */
    private static void writeTable(Map<String, String> table) throws Exception {
        StringBuilder out = new StringBuilder(String.format("%-62s", "route [objects]"));
        for (Person person : Person.values()) {
            out.append(String.format(
                    " %-10s", person.name().length() > 10 ? person.name().substring(0, 10) : person.name()));
        }
        out.append('\n');
        table.forEach((route, row) ->
                out.append(String.format("%-62s", route)).append(row).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-matrix.txt"), out);
    }
}
