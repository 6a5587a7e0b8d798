package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import uk.assure.support.TestDatabase;

/**
 * {@code assure partnership create NAME --admin EMAIL}, {@code partnership list} and {@code operator add EMAIL}: whoever
 * runs the server hosts a second partnership, with its own first admin, without SQL; and bad input is refused
 * naming the argument, with nothing made.
 */
class PartnershipCommandIT {

    private static final String FIRST_ADMIN = "first-admin@assure.local";
    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", FIRST_ADMIN,
            "assure.admin.password", "the first admin's password",
            "logging.level.root", "warn");

    String url;
    JdbcClient owner;

    @BeforeEach
    void aFreshDatabaseWithItsFirstPartnership() {
        url = TestDatabase.newDatabase();
        System.setProperty("assure.database.url", url);
        SETTINGS.forEach(System::setProperty);
        assertThat(Result.run("audit", "verify").exit()).isZero(); // the first run
        owner = TestDatabase.asOwner(url);
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("assure.database.url");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void aSecondPartnershipIsMadeWithItsOwnFirstAdmin() {
        Result made = Result.run(
                "partnership", "create", "Eastmoor Safeguarding Partnership", "--admin", "Lead@Eastmoor.example");

        assertThat(made.exit()).as(made.err()).isZero();
        Matcher password = Pattern.compile("with password (\\S+) and sets up").matcher(made.out());
        assertThat(password.find()).as(made.out()).isTrue();
        var admin = owner.sql("""
                SELECT u.role, u.password_hash, p.name, p.kind, u.partnership_id <> (
                    SELECT partnership_id FROM app_user WHERE email = ?) AS apart
                FROM app_user u JOIN partnership p ON p.id = u.partnership_id WHERE u.email = 'Lead@Eastmoor.example'""").param(FIRST_ADMIN).query().singleRow();
        assertThat(admin)
                .containsEntry("role", "ADMIN")
                .containsEntry("name", "Eastmoor Safeguarding Partnership")
                .containsEntry("kind", "partnership")
                .containsEntry("apart", true);
        assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                        .matches(password.group(1), (String) admin.get("password_hash")))
                .as("the printed password is the one stored, as a hash")
                .isTrue();
        assertThat(owner.sql("SELECT actor FROM audit_event WHERE event_type = 'PARTNERSHIP_CREATED'")
                        .query(String.class)
                        .single())
                .isEqualTo("command line");
        assertThat(Result.run("audit", "verify").exit()).isZero();

        Result list = Result.run("partnership", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines())
                .hasSize(2)
                .anyMatch(l -> l.startsWith("Eastmoor Safeguarding Partnership\t1 accounts\t0 plans"));
    }

    @Test
    void aNameOrEmailThatCannotBeUsedIsRefusedNamingItAndMakesNothing() {
        String firstName = owner.sql("SELECT name FROM partnership ORDER BY id LIMIT 1")
                .query(String.class)
                .single();
        Map<String, String[]> refusals = Map.of(
                "NAME: A partnership called", new String[] {firstName.toUpperCase(), "--admin", "a@b.example"},
                "NAME: Enter the partnership's name", new String[] {"  ", "--admin", "a@b.example"},
                "--admin: An account already signs in with", new String[] {"Westdale", "--admin", FIRST_ADMIN},
                "--admin: Enter an email address in the correct format",
                        new String[] {"Westdale", "--admin", "not an email"});
        refusals.forEach((error, args) -> {
            String[] command = new String[args.length + 2];
            command[0] = "partnership";
            command[1] = "create";
            System.arraycopy(args, 0, command, 2, args.length);
            Result refused = Result.run(command);
            assertThat(refused.exit()).as(error).isEqualTo(2);
            assertThat(refused.err()).contains("assure partnership create: " + error);
        });
        assertThat(owner.sql("SELECT count(*) FROM partnership")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(owner.sql("SELECT count(*) FROM app_user").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anOperatorIsMadeApartFromEveryPartnershipAndIsNotListedAsOne() {
        Result added = Result.run("operator", "add", "ops@platform.example");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("sign in as ops@platform.example with password ");
        assertThat(owner.sql("""
                        SELECT p.kind FROM app_user u JOIN partnership p ON p.id = u.partnership_id
                        WHERE u.email = 'ops@platform.example' AND u.role = 'OPERATOR'""").query(String.class).single()).isEqualTo("platform");
        assertThat(Result.run("partnership", "list").out().lines()).hasSize(1);
        Result twice = Result.run("operator", "add", "OPS@platform.example");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("An account already signs in with");
    }
}
