package uk.assure.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.assure.audit.AuditLog;
import uk.assure.system.Scope;

/**
 * For whoever runs the server, when nobody can sign in to put an account right — the only admin has lost their
 * phone, or their password: a new generated password, two-step sign-in off (an admin is asked to set it up again at
 * the next sign-in), every session of the account ended, failed sign-ins forgotten. Run from the command line on
 * the server ({@code assure account recover EMAIL}), never from a page; an audit event says it was done there.
 */
@Service
public class OperatorRecovery {

    private final UserRepository users;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OperatorRecovery(
            UserRepository users,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            SignInThrottle throttle,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What was done: the account, its new password (to pass on once), and whether it may sign in at all. */
    public record Recovered(String email, String displayName, String password, boolean enabled) {}

    /** Empty when no account signs in with that email. */
    public Optional<Recovered> recover(String email) {
        Optional<SignedInUser> found = Scope.everyPartnership(() -> users.findByEmail(email));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SignedInUser user = found.get();
        String password = PasswordRules.generatePassword();
        String hash = passwords.encode(password);
        Instant now = clock.instant();
        try (var scope = Scope.partnership(user.partnershipId())) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                        UPDATE app_user SET password_hash = ?, two_step_secret = NULL, two_step_enabled_at = NULL,
                            sessions_valid_after = ? WHERE partnership_id = ? AND id = ?""")
                        .params(hash, Timestamp.from(now), user.partnershipId(), user.userId())
                        .update();
                jdbc.sql("DELETE FROM two_step_recovery_code WHERE partnership_id = ? AND user_id = ?")
                        .params(user.partnershipId(), user.userId())
                        .update();
                audit.record(new AuditLog.Event(
                        user.partnershipId(),
                        null,
                        "command line",
                        "ACCOUNT_RECOVERED",
                        "user",
                        user.externalId(),
                        null,
                        Map.of("password", "new, generated", "twoStep", false),
                        "assure account recover, on the server"));
            });
        }
        Scope.everyPartnership(() -> throttle.succeeded(user.getUsername()));
        return Optional.of(new Recovered(user.getUsername(), user.displayName(), password, user.enabled()));
    }
}
