package uk.assure.account;

import java.time.Instant;

/**
 * Where an invitation stands, derived from its times rather than stored: accepted and revoked are final; a pending
 * one expires by the clock alone. The one table below says what an admin may still do with each.
 *
 * <pre>
 * PENDING --accept--> ACCEPTED      PENDING/EXPIRED --re-send--> PENDING (new link, 7 more days)
 * PENDING --7 days--> EXPIRED       PENDING/EXPIRED --revoke---> REVOKED
 * </pre>
 */
public enum InvitationStatus {
    PENDING(true, true, true),
    EXPIRED(false, true, true),
    ACCEPTED(false, false, false),
    REVOKED(false, false, false);

    private final boolean mayAccept;
    private final boolean mayResend;
    private final boolean mayRevoke;

    InvitationStatus(boolean mayAccept, boolean mayResend, boolean mayRevoke) {
        this.mayAccept = mayAccept;
        this.mayResend = mayResend;
        this.mayRevoke = mayRevoke;
    }

    public static InvitationStatus of(Instant acceptedAt, Instant revokedAt, Instant expiresAt, Instant now) {
        if (acceptedAt != null) {
            return ACCEPTED;
        }
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt.isAfter(now) ? PENDING : EXPIRED;
    }

    public boolean mayAccept() {
        return mayAccept;
    }

    public boolean mayResend() {
        return mayResend;
    }

    public boolean mayRevoke() {
        return mayRevoke;
    }
}
