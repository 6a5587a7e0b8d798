package uk.assure.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.system.Scope;
import uk.assure.system.SecretTokens;

/**
 * Personal API tokens: a person makes one on their account page, for a program that then acts as them — with their
 * role and agency as they stand at each request, so a change of role, or a disabled account, takes effect at once.
 * A token is shown once; only its SHA-256 is kept. It ends on its expiry date, when its owner revokes it, or when
 * the account is disabled.
 */
@Service
public class ApiTokens {

    /** Every token starts so, which lets secret scanners and people recognise one. */
    public static final String PREFIX = "assure_";

    /** How long a token may last, as the account page offers it. */
    public static final List<Integer> LIFETIMES_IN_DAYS = List.of(30, 90, 365);
    /** A token's name: what uses it, "Police performance dashboard". */
    public static final int NAME_MAX = 100;

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserRepository users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as its owner sees it listed: never the secret. */
    public record Token(
            String externalId,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean expired) {

        public boolean active() {
            return revokedAt == null && !expired;
        }
    }

    /** A new token: the secret, to be shown once, and the token as listed. */
    public record Created(String secret, Token token) {}

    @Transactional
    public Created create(SignedInUser owner, String name, int lifetimeDays) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("name", Message.of("apiTokens.error.name.missing"));
        }
        if (trimmed.length() > NAME_MAX) {
            throw new InvalidInput("name", Message.of("apiTokens.error.name.long", NAME_MAX, trimmed.length()));
        }
        if (!LIFETIMES_IN_DAYS.contains(lifetimeDays)) {
            throw new InvalidInput("lifetime", Message.of("apiTokens.error.lifetime"));
        }
        String secret = PREFIX + SecretTokens.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(lifetimeDays));
        String externalId = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO api_token (partnership_id, external_id, user_id, name, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        owner.partnershipId(),
                        externalId,
                        owner.userId(),
                        trimmed,
                        SecretTokens.hash(secret),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        audit.record(new AuditLog.Event(
                owner.partnershipId(),
                owner.userId(),
                owner.getUsername(),
                "API_TOKEN_CREATED",
                "api_token",
                externalId,
                null,
                Map.of("name", trimmed, "expiresAt", expires.toString()),
                null));
        return new Created(secret, new Token(externalId, trimmed, now, expires, null, null, false));
    }

    /** The owner's tokens, newest first. */
    public List<Token> of(SignedInUser owner) {
        return of(owner.partnershipId(), owner.externalId());
    }

    /** A person's tokens, newest first, as an admin sees them on the person's account page. */
    @Transactional(readOnly = true)
    public List<Token> of(long partnershipId, String userExternalId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT t.external_id, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at FROM api_token t
                JOIN app_user u ON u.partnership_id = t.partnership_id AND u.id = t.user_id
                WHERE t.partnership_id = ? AND u.external_id = ? ORDER BY t.created_at DESC, t.id DESC""")
                .params(partnershipId, userExternalId)
                .query((rs, n) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    return new Token(
                            rs.getString("external_id"),
                            rs.getString("name"),
                            rs.getTimestamp("created_at").toInstant(),
                            expires,
                            instant(rs.getTimestamp("last_used_at")),
                            instant(rs.getTimestamp("revoked_at")),
                            !expires.isAfter(now));
                })
                .list();
    }

    /** Ends one of the owner's own tokens; false when they have no such token standing. */
    public boolean revoke(SignedInUser owner, String externalId) {
        return revoke(owner, owner.externalId(), externalId);
    }

    /**
     * Ends a token of the person named (the caller's own, or, for an admin, anyone's in the partnership — the caller
     * decides who may); false when that person has no such token standing. The actor is the audit event's.
     */
    @Transactional
    public boolean revoke(SignedInUser actor, String userExternalId, String externalId) {
        int revoked = jdbc.sql("""
                UPDATE api_token t SET revoked_at = ? FROM app_user u
                WHERE u.partnership_id = t.partnership_id AND u.id = t.user_id AND u.external_id = ?
                  AND t.partnership_id = ? AND t.external_id = ? AND t.revoked_at IS NULL""")
                .params(Timestamp.from(clock.instant()), userExternalId, actor.partnershipId(), externalId)
                .update();
        if (revoked == 1) {
            audit.record(new AuditLog.Event(
                    actor.partnershipId(),
                    actor.userId(),
                    actor.getUsername(),
                    "API_TOKEN_REVOKED",
                    "api_token",
                    externalId,
                    null,
                    Map.of("owner", userExternalId),
                    null));
        }
        return revoked == 1;
    }

    /**
     * The person a request's token stands for, while the token stands. The token is found through an owner
     * function (V14) that says only whose it is; the person is then read in their own partnership's scope.
     */
    public Optional<SignedInUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<long[]> owner = jdbc.sql("SELECT partnership_id, user_id, token_id FROM assure_api_token_owner(?, ?)")
                .params(SecretTokens.hash(secret), Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .optional();
        return owner.flatMap(o -> Scope.partnership(o[0], () -> {
            // noted at most once a minute, so a busy program does not write on every request
            jdbc.sql("""
                    UPDATE api_token SET last_used_at = ? WHERE partnership_id = ? AND id = ?
                      AND (last_used_at IS NULL OR last_used_at < ?)""")
                    .params(Timestamp.from(now), o[0], o[2], Timestamp.from(now.minusSeconds(60)))
                    .update();
            return users.findEnabled(o[0], o[1]);
        }));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
