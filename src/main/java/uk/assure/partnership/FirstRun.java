package uk.assure.partnership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.assure.account.PasswordRules;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.partnership.PartnershipDirectory.Partnership;
import uk.assure.system.AssureProperties;
import uk.assure.system.Scope;

/**
 * On an empty database: the first partnership (the demo's, when a listener of {@link EmptyDatabase} makes it) and
 * the first admin. The admin's password comes
 * from ASSURE_ADMIN_PASSWORD or is generated and printed once; there is no fixed default.
 */
@Component
class FirstRun implements ApplicationRunner {

    static final String DEFAULT_ADMIN_EMAIL = "admin@assure.local";
    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);
    private static final long FIRST_RUN_LOCK = 0x4153535552L;

    private final PartnershipDirectory directory;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AssureProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FirstRun(
            PartnershipDirectory directory,
            UserRepository users,
            PasswordEncoder passwords,
            AssureProperties properties,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.events = events;
        this.directory = directory;
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        // setting up the first partnership is about no partnership yet
        try (var scope = Scope.everyPartnership()) {
            setUp();
        }
    }

    private void setUp() {
        Partnership created = transaction.execute(status -> {
            // Several app nodes may start together on one empty database; only one sets it up.
            jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                    .param(FIRST_RUN_LOCK)
                    .query(Object.class)
                    .single();
            if (users.anyUserExists()) {
                return null;
            }
            events.publishEvent(new EmptyDatabase());
            Partnership partnership =
                    directory.firstPartnership().orElseGet(() -> directory.createPartnership("My partnership"));
            createFirstAdmin(partnership);
            return partnership;
        });
        if (created != null) {
            events.publishEvent(new FirstRunCompleted(created.id()));
        }
    }

    private void createFirstAdmin(Partnership partnership) {
        AssureProperties.Admin admin = properties.admin();
        String email =
                isBlank(admin.email()) ? DEFAULT_ADMIN_EMAIL : admin.email().strip();
        boolean generated = isBlank(admin.password());
        String password = generated ? PasswordRules.generatePassword() : admin.password();
        users.create(
                partnership.id(),
                new UserRepository.NewUser(email, "Administrator", Role.ADMIN, null),
                passwords.encode(password));
        if (generated) {
            // Printed once, on the run that created it; it is stored only as an Argon2id hash.
            log.warn("First admin created: sign in as {} with password {} and change it", email, password);
        } else {
            log.info("First admin created: {}", email);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
