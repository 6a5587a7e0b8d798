package uk.assure.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.assure.account.PasswordRules;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.InvalidInput;
import uk.assure.system.Scope;

/**
 * One installation serving many partnerships: what a platform operator does, from the command line ({@code assure
 * partnership create}) or from the operator's page. An operator makes a partnership and its first admin, and sees
 * each partnership's name and size, never its plans or people. Operators' own accounts live in a partnership of
 * their own (kind {@code platform}) that holds nothing else, so a partnership's admin can neither see nor become
 * one.
 */
@Service
public class Platform {

    /** Longest name a partnership may have: a council area and a word or two, with room to spare. */
    public static final int NAME_MAX = 200;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int EMAIL_MAX = 254;
    private static final long CREATE_LOCK = 0x504c4154L;

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Platform(
            JdbcClient jdbc,
            UserRepository users,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A partnership as the operator sees it: its name and size, nothing of what it holds. */
    public record Summary(String externalId, String name, Instant createdAt, long accounts, long plans) {}

    /** A new partnership and its first admin's password, generated, to pass on once (stored only as a hash). */
    public record Created(String externalId, String name, String adminEmail, String adminPassword) {}

    /** A new operator account and its generated password, to pass on once. */
    public record OperatorAdded(String email, String password) {}

    /** Who acts: an operator signed in ({@code userId}, {@code email}) or the server's command line (null id). */
    public record Operator(Long userId, String email) {
        public static final Operator COMMAND_LINE = new Operator(null, "command line");
    }

    /** Every partnership, by name, with its size (counted in one query; the platform's own is not listed). */
    public List<Summary> partnerships() {
        return Scope.everyPartnership(() -> jdbc.sql("""
                        SELECT p.external_id, p.name, p.created_at,
                               (SELECT count(*) FROM app_user u WHERE u.partnership_id = p.id) AS accounts,
                               (SELECT count(*) FROM plan pl WHERE pl.partnership_id = p.id) AS plans
                        FROM partnership p WHERE p.kind = 'partnership' ORDER BY lower(p.name), p.id""")
                .query((rs, n) -> new Summary(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getLong(5)))
                .list());
    }

    /**
     * Makes a partnership named {@code name} with its first admin, who signs in with {@code adminEmail} and the
     * password returned (and sets up two-step sign-in at the first sign-in, as every admin does).
     *
     * @throws InvalidInput naming the field ({@code name} or {@code adminEmail}) when either cannot be used
     */
    public Created create(String name, String adminEmail, Operator by) {
        String cleanName = name == null ? "" : name.strip();
        String email = adminEmail == null ? "" : adminEmail.strip();
        if (cleanName.isEmpty()) {
            throw new InvalidInput("name", "Enter the partnership's name");
        }
        if (cleanName.length() > NAME_MAX) {
            throw new InvalidInput("name", "The partnership's name must be " + NAME_MAX + " characters or fewer");
        }
        checkEmail("adminEmail", email);
        String password = PasswordRules.generatePassword();
        String hash = passwords.encode(password);
        return Scope.everyPartnership(() -> transaction.execute(status -> {
            // two operators making the same partnership at once: one makes it, the other is told it exists
            jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                    .param(CREATE_LOCK)
                    .query(Object.class)
                    .single();
            boolean taken = jdbc.sql(
                            "SELECT EXISTS (SELECT 1 FROM partnership WHERE kind = 'partnership' AND lower(name) = lower(?))")
                    .param(cleanName)
                    .query(Boolean.class)
                    .single();
            if (taken) {
                throw new InvalidInput("name", "A partnership called " + cleanName + " already exists");
            }
            if (users.emailInUseAnywhere(email)) {
                throw new InvalidInput("adminEmail", "An account already signs in with " + email);
            }
            String externalId = ExternalIds.next();
            long id = jdbc.sql("INSERT INTO partnership (external_id, name) VALUES (?, ?) RETURNING id")
                    .params(externalId, cleanName)
                    .query(Long.class)
                    .single();
            users.create(id, new UserRepository.NewUser(email, "Administrator", Role.ADMIN, null), hash);
            audit.record(new AuditLog.Event(
                    id,
                    by.userId(),
                    by.email(),
                    "PARTNERSHIP_CREATED",
                    "partnership",
                    externalId,
                    null,
                    Map.of("name", cleanName, "firstAdmin", email),
                    null));
            return new Created(externalId, cleanName, email, password);
        }));
    }

    /**
     * An operator account (two-step sign-in required at the first sign-in) with a generated password. Only from the
     * server's command line: no page makes operators.
     */
    public OperatorAdded addOperator(String email) {
        String clean = email == null ? "" : email.strip();
        checkEmail("email", clean);
        String password = PasswordRules.generatePassword();
        String hash = passwords.encode(password);
        return Scope.everyPartnership(() -> transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                    .param(CREATE_LOCK)
                    .query(Object.class)
                    .single();
            if (users.emailInUseAnywhere(clean)) {
                throw new InvalidInput("email", "An account already signs in with " + clean);
            }
            long platform = jdbc.sql("SELECT id FROM partnership WHERE kind = 'platform'")
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql("""
                            INSERT INTO partnership (external_id, name, kind) VALUES (?, 'Platform operators', 'platform')
                            RETURNING id""")
                            .param(ExternalIds.next())
                            .query(Long.class)
                            .single());
            users.create(platform, new UserRepository.NewUser(clean, "Platform operator", Role.OPERATOR, null), hash);
            audit.record(new AuditLog.Event(
                    platform,
                    null,
                    Operator.COMMAND_LINE.email(),
                    "OPERATOR_ADDED",
                    "user",
                    clean,
                    null,
                    Map.of("email", clean),
                    null));
            return new OperatorAdded(clean, password);
        }));
    }

    private static void checkEmail(String field, String email) {
        if (email.isEmpty()) {
            throw new InvalidInput(field, "Enter an email address");
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw new InvalidInput(field, "Enter an email address in the correct format, like name@example.com");
        }
    }
}
