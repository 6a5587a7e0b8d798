package uk.assure.account;

import java.time.Instant;

/** An invitation as the admin pages show it; the token is never part of it (only its hash is kept). */
record Invitation(
        long id,
        long partnershipId,
        String externalId,
        String email,
        String displayName,
        Role role,
        Long agencyId,
        String agencyName,
        String invitedByName,
        String partnershipName,
        Instant createdAt,
        Instant expiresAt,
        Instant acceptedAt,
        Instant revokedAt,
        InvitationStatus status) {

    @Override
    public String toString() {
        return "Invitation[" + externalId + ", " + status + "]";
    }
}
