package uk.assure.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.system.ExternalIds;

@Repository
public class UserRepository {

    private static final RowMapper<SignedInUser> SIGNED_IN_USER = (rs, n) -> new SignedInUser(
            rs.getLong("id"),
            rs.getString("external_id"),
            rs.getLong("partnership_id"),
            rs.getString("email"),
            rs.getString("display_name"),
            rs.getString("password_hash"),
            Role.valueOf(rs.getString("role")),
            (Long) rs.getObject("agency_id"),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sign-in looks a user up by email alone: the partnership comes from the account, never from the request. */
    Optional<SignedInUser> findByEmail(String email) {
        return jdbc.sql("""
                SELECT id, external_id, partnership_id, email, display_name, password_hash, role, agency_id, enabled
                FROM app_user WHERE lower(email) = lower(:email)""").param("email", email).query(SIGNED_IN_USER).optional();
    }

    /** The account with this id in the partnership, if it is there and enabled (an API token's owner, say). */
    public Optional<SignedInUser> findEnabled(long partnershipId, long userId) {
        return jdbc.sql("""
                SELECT id, external_id, partnership_id, email, display_name, password_hash, role, agency_id, enabled
                FROM app_user WHERE partnership_id = ? AND id = ? AND enabled""").params(partnershipId, userId).query(SIGNED_IN_USER).optional();
    }

    /**
     * ANONYMOUS READ: the account for an email an OIDC provider vouched for, in any partnership, as password sign-in
     * does in {@link #findByEmail}. Kept apart so it can run with system rights under row-level security.
     */
    Optional<SignedInUser> findForSingleSignOn(String email) {
        return findByEmail(email);
    }

    /**
     * Whether any account, in any partnership, signs in with this email: email is the sign-in name and unique
     * across all accounts (uq_app_user_email). Asked through a function that runs as the owner (V12), because the
     * admin's request sees only their own partnership's accounts; it answers yes or no and nothing else.
     */
    public boolean emailInUseAnywhere(String email) {
        return jdbc.sql("SELECT assure_email_has_account(?)")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    /** A new account, returned as the person it signs in (for an accepted invitation: no read needed after it). */
    public SignedInUser createAndLoad(long partnershipId, NewUser user, String passwordHash) {
        String externalId = ExternalIds.next();
        long id = jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, password_hash, role, agency_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        partnershipId,
                        externalId,
                        user.email(),
                        user.displayName(),
                        passwordHash,
                        user.role().name(),
                        user.agencyId())
                .query(Long.class)
                .single();
        return new SignedInUser(
                id,
                externalId,
                partnershipId,
                user.email(),
                user.displayName(),
                passwordHash,
                user.role(),
                user.agencyId(),
                true);
    }

    public boolean anyUserExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)")
                .query(Boolean.class)
                .single();
    }

    public long create(long partnershipId, NewUser user, String passwordHash) {
        return jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, password_hash, role, agency_id)
                VALUES (:partnership, :externalId, :email, :name, :hash, :role, :agency) RETURNING id""")
                .param("partnership", partnershipId)
                .param("externalId", ExternalIds.next())
                .param("email", user.email())
                .param("name", user.displayName())
                .param("hash", passwordHash)
                .param("role", user.role().name())
                .param("agency", user.agencyId())
                .query(Long.class)
                .single();
    }

    public record NewUser(String email, String displayName, Role role, Long agencyId) {}

    /** Whether a session of this user signed in at that moment still stands: enabled, and not ended since. */
    public boolean sessionStands(long userId, Instant signedInAt) {
        return jdbc.sql(
                        "SELECT enabled AND (sessions_valid_after IS NULL OR sessions_valid_after <= ?) FROM app_user WHERE id = ?")
                .params(Timestamp.from(signedInAt), userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Ends every session of the user signed in before {@code at}, on every node. */
    public void endSessions(long userId, Instant at) {
        jdbc.sql("UPDATE app_user SET sessions_valid_after = ? WHERE id = ?")
                .params(Timestamp.from(at), userId)
                .update();
    }

    public String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    public void setPasswordHash(long userId, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .params(hash, userId)
                .update();
    }

    /** A user's two-step sign-in: the Base32 secret, when it was turned on (null while off), the last step taken. */
    public record TwoStepRecord(String secret, Instant onSince, Long lastStep) {
        public boolean on() {
            return onSince != null;
        }
    }

    /**
     * The user's two-step state. This is the read made BEFORE the user is fully signed in: right after the password
     * (to choose the next step), at the code step, and on the set-up page an admin is held on; the two-step page
     * reads it the same way afterwards. No partnership is in force for the database at those moments, so when
     * row-level security comes, this is the method to run in a system scope. (The other reads before sign-in are
     * {@link #findByEmail} for the password and {@link #sessionStands} on every request; the writes made before
     * full sign-in are {@link #takeTwoStepStep} and {@link #turnOnTwoStep}.)
     */
    public TwoStepRecord twoStepBeforeSignIn(long userId, long partnershipId) {
        return jdbc.sql("""
                SELECT two_step_secret, two_step_enabled_at, two_step_last_step FROM app_user
                WHERE id = ? AND partnership_id = ?""")
                .params(userId, partnershipId)
                .query((rs, n) -> new TwoStepRecord(
                        rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3)))
                .single();
    }

    /**
     * Takes the time step of an accepted code, unless a code of that step or a later one was taken already: then
     * false. One statement, so two app nodes given the same code at once cannot both take it.
     */
    public boolean takeTwoStepStep(long userId, long partnershipId, long step) {
        return jdbc.sql("""
                UPDATE app_user SET two_step_last_step = :step WHERE id = :id AND partnership_id = :partnership
                  AND (two_step_last_step IS NULL OR two_step_last_step < :step)""")
                        .param("step", step)
                        .param("id", userId)
                        .param("partnership", partnershipId)
                        .update()
                == 1;
    }

    /** Turns two-step on with the secret the user's app now holds; the code that proved it is taken, as at sign-in. */
    public boolean turnOnTwoStep(long userId, long partnershipId, String secret, Instant at, long step) {
        return jdbc.sql("""
                UPDATE app_user SET two_step_secret = :secret, two_step_enabled_at = :at, two_step_last_step = :step
                WHERE id = :id AND partnership_id = :partnership
                  AND (two_step_last_step IS NULL OR two_step_last_step < :step)""")
                        .param("secret", secret)
                        .param("at", Timestamp.from(at))
                        .param("step", step)
                        .param("id", userId)
                        .param("partnership", partnershipId)
                        .update()
                == 1;
    }

    /** Turns two-step off; the last step taken stays, so no code seen before can be used again. */
    public void turnOffTwoStep(long userId, long partnershipId) {
        jdbc.sql("""
                UPDATE app_user SET two_step_secret = NULL, two_step_enabled_at = NULL
                WHERE id = ? AND partnership_id = ?""").params(userId, partnershipId).update();
    }
}
