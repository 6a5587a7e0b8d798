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
 * {@code assure account recover EMAIL}: the only admin lost their phone and their password; whoever runs the server
 * gives them a new password and turns their two-step off, their sessions end, and the audit log says so.
 */
class AccountCommandIT {

    private static final String ADMIN = "only-admin@assure.local";
    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", ADMIN,
            "assure.admin.password", "a password nobody remembers",
            "logging.level.root", "warn");

    String url;

    @BeforeEach
    void aFreshDatabaseWithItsFirstAdmin() {
        url = TestDatabase.newDatabase();
        System.setProperty("assure.database.url", url);
        SETTINGS.forEach(System::setProperty);
        assertThat(Result.run("audit", "verify").exit()).isZero(); // the first run: migrations and the first admin
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("assure.database.url");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void theOnlyAdminLockedOutGetsANewPasswordAndTwoStepOff() {
        JdbcClient owner = TestDatabase.asOwner(url);
        owner.sql(
                        "UPDATE app_user SET two_step_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', two_step_enabled_at = now() WHERE email = ?")
                .param(ADMIN)
                .update();
        owner.sql("INSERT INTO sign_in_failure (email_key, address, failed_at) VALUES (?, '10.0.0.1', now())")
                .param(ADMIN)
                .update();

        Result recovered = Result.run("account", "recover", ADMIN.toUpperCase());

        assertThat(recovered.exit()).as(recovered.err()).isZero();
        Matcher password = Pattern.compile("with password (\\S+) and change it").matcher(recovered.out());
        assertThat(password.find()).as(recovered.out()).isTrue();
        var row = owner.sql("""
                SELECT password_hash, two_step_secret IS NULL AND two_step_enabled_at IS NULL, sessions_valid_after IS NOT NULL
                FROM app_user WHERE email = ?""")
                .param(ADMIN)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        assertThat(new Argon2PasswordEncoder(16, 32, 1, 19456, 2).matches(password.group(1), (String) row[0]))
                .as("the printed password is the account's")
                .isTrue();
        assertThat(row[1]).as("two-step off").isEqualTo(true);
        assertThat(row[2]).as("sessions ended").isEqualTo(true);
        assertThat(owner.sql("SELECT count(*) FROM sign_in_failure WHERE email_key = lower(?)")
                        .param(ADMIN)
                        .query(Long.class)
                        .single())
                .as("failed sign-ins forgotten")
                .isZero();
        assertThat(owner.sql("SELECT actor FROM audit_event WHERE event_type = 'ACCOUNT_RECOVERED'")
                        .query(String.class)
                        .single())
                .isEqualTo("command line");
        assertThat(recovered.out()).doesNotContain("a password nobody remembers");
    }

    @Test
    void anUnknownEmailIsOneLineAndChangesNothing() {
        long events = TestDatabase.asOwner(url)
                .sql("SELECT count(*) FROM audit_event")
                .query(Long.class)
                .single();

        Result result = Result.run("account", "recover", "nobody@assure.local");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("assure account recover: no account signs in with nobody@assure.local");
        assertThat(TestDatabase.asOwner(url)
                        .sql("SELECT count(*) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
    }
}
