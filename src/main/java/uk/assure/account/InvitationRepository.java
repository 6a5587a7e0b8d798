package uk.assure.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.system.ExternalIds;

/**
 * Invitations in SQL. Everything an admin does is scoped to the admin's partnership in the method's signature.
 * Two reads are made for a person who is not signed in, and only these two: {@link #findForAcceptance} (the link's
 * token) and {@link #findOpenForSingleSignOn} (an email a provider vouched for). They cross partnerships by nature,
 * so their callers run them, and the acceptance that follows, in the every-partnership scope ({@link uk.assure.system.Scope}).
 */
@Repository
class InvitationRepository {

    private static final String SELECT = """
            SELECT i.id, i.partnership_id, i.external_id, i.email, i.display_name, i.role, i.agency_id, a.name AS agency_name,
                   u.display_name AS invited_by_name, p.name AS partnership_name, i.created_at, i.expires_at,
                   i.accepted_at, i.revoked_at
            FROM invitation i
            JOIN partnership p ON p.id = i.partnership_id
            JOIN app_user u ON u.partnership_id = i.partnership_id AND u.id = i.invited_by
            LEFT JOIN agency a ON a.partnership_id = i.partnership_id AND a.id = i.agency_id
            """;

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRow(
            long partnershipId,
            String email,
            String displayName,
            Role role,
            Long agencyId,
            long invitedBy,
            byte[] tokenHash,
            Instant createdAt,
            Instant expiresAt) {}

    long create(NewRow row) {
        return jdbc.sql("""
                INSERT INTO invitation (partnership_id, external_id, email, display_name, role, agency_id, invited_by,
                    token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        row.partnershipId(),
                        ExternalIds.next(),
                        row.email(),
                        row.displayName(),
                        row.role().name(),
                        row.agencyId(),
                        row.invitedBy(),
                        row.tokenHash(),
                        Timestamp.from(row.createdAt()),
                        Timestamp.from(row.expiresAt()))
                .query(Long.class)
                .single();
    }

    List<Invitation> listForPartnership(long partnershipId, Instant now) {
        return jdbc.sql(SELECT + " WHERE i.partnership_id = ? ORDER BY i.created_at DESC, i.id DESC")
                .param(partnershipId)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    Optional<Invitation> findByExternalIdAndPartnership(String externalId, long partnershipId, Instant now) {
        return jdbc.sql(SELECT + " WHERE i.external_id = ? AND i.partnership_id = ?")
                .params(externalId, partnershipId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    Optional<Invitation> findById(long id, long partnershipId, Instant now) {
        return jdbc.sql(SELECT + " WHERE i.id = ? AND i.partnership_id = ?")
                .params(id, partnershipId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    /**
     * ANONYMOUS READ: the invitation a link's token opens, in any partnership, whatever its state (the caller
     * decides whether it may still be used). The person following the link is not signed in.
     */
    Optional<Invitation> findForAcceptance(byte[] tokenHash, Instant now) {
        return jdbc.sql(SELECT + " WHERE i.token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    /**
     * ANONYMOUS READ: the open invitation (not accepted, not revoked, not expired) for an email an OIDC provider
     * vouched for, in any partnership. The person signing in is not signed in to Assure yet.
     */
    Optional<Invitation> findOpenForSingleSignOn(String email, Instant now) {
        return jdbc.sql(SELECT + """
                 WHERE lower(i.email) = lower(?) AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?""")
                .params(email, Timestamp.from(now))
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    /** Whether an open invitation (expired ones included: they can be re-sent) holds this email, in any partnership. */
    boolean openExistsForEmail(String email) {
        // in any partnership: through a function that runs as the owner and answers only yes or no (V12)
        return jdbc.sql("SELECT assure_email_has_open_invitation(?)")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    /** What accepting needs of a claimed invitation, returned by the UPDATE itself so that nothing is read after. */
    record Claimed(
            long id,
            long partnershipId,
            String externalId,
            String email,
            String displayName,
            Role role,
            Long agencyId) {}

    private static final String CLAIMED =
            " RETURNING id, partnership_id, external_id, email, display_name, role, agency_id";

    /**
     * Marks the invitation this link opens as used, if and only if it still may be: one conditional UPDATE, so of two
     * requests racing with the same link exactly one gets the row back (the other waits for the row lock, then
     * finds accepted_at set and matches nothing).
     */
    Optional<Claimed> claimByToken(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE invitation SET accepted_at = ?
                WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""" + CLAIMED)
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .query(InvitationRepository::claimed)
                .optional();
    }

    /** The same for an invitation found by single sign-on, which has the email rather than the link. */
    Optional<Claimed> claimById(long id, Instant now) {
        return jdbc.sql("""
                UPDATE invitation SET accepted_at = ?
                WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""" + CLAIMED)
                .params(Timestamp.from(now), id, Timestamp.from(now))
                .query(InvitationRepository::claimed)
                .optional();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("external_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("agency_id"));
    }

    void recordAcceptedUser(long id, long partnershipId, long userId) {
        jdbc.sql("UPDATE invitation SET accepted_user_id = ? WHERE id = ? AND partnership_id = ?")
                .params(userId, id, partnershipId)
                .update();
    }

    /** A new link for an open invitation: the old hash is replaced, so the old link stops working. */
    boolean replaceToken(long id, long partnershipId, byte[] tokenHash, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE invitation SET token_hash = ?, expires_at = ?
                WHERE id = ? AND partnership_id = ? AND accepted_at IS NULL AND revoked_at IS NULL""")
                        .params(tokenHash, Timestamp.from(expiresAt), id, partnershipId)
                        .update()
                == 1;
    }

    boolean revoke(long id, long partnershipId, Instant at) {
        return jdbc.sql("""
                UPDATE invitation SET revoked_at = ?
                WHERE id = ? AND partnership_id = ? AND accepted_at IS NULL AND revoked_at IS NULL""").params(Timestamp.from(at), id, partnershipId).update() == 1;
    }

    record AgencyChoice(long id, String externalId, String name) {}

    /** The agencies a lead may be invited for, by name. */
    List<AgencyChoice> agencies(long partnershipId) {
        return jdbc.sql("SELECT id, external_id, name FROM agency WHERE partnership_id = ? ORDER BY lower(name)")
                .param(partnershipId)
                .query((rs, n) -> new AgencyChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static Invitation map(ResultSet rs, Instant now) throws SQLException {
        Instant accepted = instant(rs, "accepted_at");
        Instant revoked = instant(rs, "revoked_at");
        Instant expires = instant(rs, "expires_at");
        return new Invitation(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("external_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("agency_id"),
                rs.getString("agency_name"),
                rs.getString("invited_by_name"),
                rs.getString("partnership_name"),
                instant(rs, "created_at"),
                expires,
                accepted,
                revoked,
                InvitationStatus.of(accepted, revoked, expires, now));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
