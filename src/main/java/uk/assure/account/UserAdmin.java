package uk.assure.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;

/**
 * An admin's view of the partnership's accounts: role, agency, whether the account may sign in, and a viewer's
 * plans. Disabling an account ends its sessions on every node at once. Every change is an audit event.
 */
@Service
@Transactional
public class UserAdmin {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Access access;

    UserAdmin(JdbcClient jdbc, AuditLog audit, Clock clock, Access access) {
        this.access = access;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Account(
            String externalId,
            String email,
            String displayName,
            Role role,
            String agencyExternalId,
            String agencyName,
            boolean enabled,
            int grants,
            boolean twoStepOn) {}

    public record ViewerGrant(String planExternalId, String planTitle, LocalDate expiresOn, boolean expired) {}

    @Transactional(readOnly = true)
    /** An agency or plan to choose from: its external id and name. */
    public record Choice(String externalId, String name) {
        /** The plans' selects read their names as titles. */
        public String title() {
            return name;
        }
    }

    /** The partnership's agencies, for the lead's agency. */
    public List<Choice> agencies(SignedInUser admin) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return jdbc.sql("SELECT external_id, name FROM agency WHERE partnership_id = ? ORDER BY lower(name)")
                .param(partnershipId)
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The partnership's plans, for a viewer's grants. */
    public List<Choice> plans(SignedInUser admin) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return jdbc.sql("SELECT external_id, title FROM plan WHERE partnership_id = ? ORDER BY created_at DESC, title")
                .param(partnershipId)
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The agency chosen on the form, or none. */
    public Long agencyId(SignedInUser admin, String agencyExternalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        if (agencyExternalId == null) {
            return null;
        }
        return jdbc.sql("SELECT id FROM agency WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, agencyExternalId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInput("agency", "Select an agency from the list"));
    }

    public List<Account> accounts(SignedInUser admin) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return jdbc.sql("""
                SELECT u.external_id, u.email, u.display_name, u.role, a.external_id, a.name, u.enabled,
                       (SELECT count(*) FROM viewer_grant g WHERE g.partnership_id = u.partnership_id AND g.user_id = u.id),
                       u.two_step_enabled_at IS NOT NULL
                FROM app_user u LEFT JOIN agency a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
                WHERE u.partnership_id = ? ORDER BY lower(u.display_name), u.id""")
                .param(partnershipId)
                .query((rs, n) -> new Account(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getInt(8),
                        rs.getBoolean(9)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Account> account(SignedInUser admin, String externalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return accounts(admin).stream()
                .filter(a -> a.externalId().equals(externalId))
                .findFirst();
    }

    /** Changes role, agency and whether the account may sign in; an admin cannot lock themselves out. */
    public void change(SignedInUser admin, String externalId, Role role, Long agencyId, boolean enabled) {
        administer(admin);
        Account before = account(admin, externalId).orElseThrow(() -> new NotFoundException("User"));
        if (!Role.IN_A_PARTNERSHIP.contains(role)) {
            throw new InvalidInput("role", "Select a role");
        }
        if (externalId.equals(admin.externalId()) && (!enabled || role != Role.ADMIN)) {
            throw new InvalidInput(
                    enabled ? "role" : "enabled",
                    "You cannot remove your own admin role or disable your own account: ask another admin");
        }
        if (role == Role.LEAD && agencyId == null) {
            throw new InvalidInput("agency", "Select the agency this lead works for");
        }
        Long agency = role == Role.LEAD || role == Role.BOARD ? agencyId : null;
        jdbc.sql(
                        "UPDATE app_user SET role = ?, agency_id = ?, enabled = ? WHERE partnership_id = ? AND external_id = ?")
                .params(role.name(), agency, enabled, admin.partnershipId(), externalId)
                .update();
        if (before.enabled() && !enabled) {
            // every session of the account ends on its next request, on whichever node it is
            jdbc.sql("UPDATE app_user SET sessions_valid_after = ? WHERE partnership_id = ? AND external_id = ?")
                    .params(Timestamp.from(clock.instant()), admin.partnershipId(), externalId)
                    .update();
        }
        Account after = account(admin, externalId).orElseThrow();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                before.enabled() && !enabled ? "DISABLED_USER" : "CHANGED_USER",
                "user",
                externalId,
                state(before),
                state(after),
                null));
    }

    /**
     * For someone who has lost the phone with their authenticator app: two-step is turned off and their sessions
     * end. An admin sets it up again at their next sign-in, as every admin must; anyone else may turn it back on.
     */
    public void resetTwoStep(SignedInUser admin, String externalId) {
        administer(admin);
        Account before = account(admin, externalId).orElseThrow(() -> new NotFoundException("User"));
        if (externalId.equals(admin.externalId())) {
            throw new InvalidInput("twoStep", "You cannot turn off your own two-step sign-in here: ask another admin");
        }
        if (!before.twoStepOn()) {
            throw new InvalidInput("twoStep", before.displayName() + " does not have two-step sign-in turned on");
        }
        jdbc.sql("""
                UPDATE app_user SET two_step_secret = NULL, two_step_enabled_at = NULL, sessions_valid_after = ?
                WHERE partnership_id = ? AND external_id = ?""")
                .params(Timestamp.from(clock.instant()), admin.partnershipId(), externalId)
                .update();
        jdbc.sql("""
                DELETE FROM two_step_recovery_code c USING app_user u
                WHERE u.partnership_id = c.partnership_id AND u.id = c.user_id AND u.partnership_id = ? AND u.external_id = ?""").params(admin.partnershipId(), externalId).update();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "TWO_STEP_RESET",
                "user",
                externalId,
                Map.of("twoStep", true),
                Map.of("twoStep", false),
                null));
    }

    @Transactional(readOnly = true)
    public List<ViewerGrant> grants(SignedInUser admin, String userExternalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT p.external_id, p.title, g.expires_on FROM viewer_grant g
                JOIN app_user u ON u.partnership_id = g.partnership_id AND u.id = g.user_id
                JOIN plan p ON p.partnership_id = g.partnership_id AND p.id = g.plan_id
                WHERE g.partnership_id = ? AND u.external_id = ? ORDER BY p.title""")
                .params(partnershipId, userExternalId)
                .query((rs, n) -> {
                    LocalDate expires = rs.getObject(3, LocalDate.class);
                    return new ViewerGrant(rs.getString(1), rs.getString(2), expires, expires.isBefore(today));
                })
                .list();
    }

    /** Gives a viewer a plan until a date (inclusive), or moves the date of a plan they have. */
    public void grant(SignedInUser admin, String userExternalId, String planExternalId, LocalDate expiresOn) {
        administer(admin);
        Account viewer = account(admin, userExternalId).orElseThrow(() -> new NotFoundException("User"));
        if (viewer.role() != Role.VIEWER) {
            throw new InvalidInput(
                    "plan", "Only a viewer's access is given plan by plan; this account reads every plan");
        }
        if (expiresOn == null) {
            throw new InvalidInput("expires", "Enter the date access ends");
        }
        if (expiresOn.isBefore(LocalDate.now(clock))) {
            throw new InvalidInput("expires", "The date access ends must be today or in the future");
        }
        Long plan = jdbc.sql("SELECT id FROM plan WHERE partnership_id = ? AND external_id = ?")
                .params(admin.partnershipId(), planExternalId == null ? "" : planExternalId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInput("plan", "Select a plan"));
        jdbc.sql("""
                INSERT INTO viewer_grant (partnership_id, user_id, plan_id, expires_on, granted_by)
                SELECT partnership_id, id, ?, ?, ? FROM app_user WHERE partnership_id = ? AND external_id = ?
                ON CONFLICT (user_id, plan_id) DO UPDATE SET expires_on = excluded.expires_on, granted_by = excluded.granted_by""")
                .params(plan, expiresOn, admin.userId(), admin.partnershipId(), userExternalId)
                .update();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "GRANTED_PLAN",
                "user",
                userExternalId,
                null,
                Map.of("plan", planExternalId, "expiresOn", expiresOn.toString()),
                null));
    }

    public void revoke(SignedInUser admin, String userExternalId, String planExternalId) {
        administer(admin);
        int removed = jdbc.sql("""
                DELETE FROM viewer_grant g USING app_user u, plan p
                WHERE g.partnership_id = ? AND u.partnership_id = g.partnership_id AND u.id = g.user_id AND u.external_id = ?
                  AND p.partnership_id = g.partnership_id AND p.id = g.plan_id AND p.external_id = ?""")
                .params(admin.partnershipId(), userExternalId, planExternalId)
                .update();
        if (removed > 0) {
            audit.record(new AuditLog.Event(
                    admin.partnershipId(),
                    admin.userId(),
                    admin.getUsername(),
                    "REVOKED_PLAN",
                    "user",
                    userExternalId,
                    Map.of("plan", planExternalId),
                    null,
                    null));
        }
    }

    private static Map<String, Object> state(Account a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("role", a.role().name());
        state.put("agency", a.agencyName());
        state.put("enabled", a.enabled());
        return state;
    }

    /** Every use of Manage → Users is an admin's: refused (403, audited) for anyone else. */
    private void administer(SignedInUser user) {
        access.require(user, Access.Capability.ADMINISTER);
    }
}
