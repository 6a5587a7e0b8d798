package uk.assure.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;

/**
 * Invitations, start to end: an admin invites a person by email into the admin's partnership with a role (and, for
 * a lead, an agency); the person follows the link within {@link #VALID_FOR} and sets a password, or signs in with
 * single sign-on as that email; re-sending makes a new link and kills the old one; revoking kills it for good.
 * Every change is an audit event. Sending the email is not done here: it happens after this commits.
 */
@Service
public class Invitations {

    public static final Duration VALID_FOR = Duration.ofDays(7);

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final Access access;

    Invitations(
            InvitationRepository invitations,
            UserRepository users,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock,
            Access access) {
        this.access = access;
        this.invitations = invitations;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an admin asks for. {@code agencyExternalId} counts only for a lead. */
    public record Request(String email, String displayName, Role role, String agencyExternalId) {}

    /** An invitation and the token of its link, known only now: it is sent or shown once, never stored. */
    public record Issued(Invitation invitation, String token) {}

    /** Why an invitation cannot be made, on the form field it belongs to. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A link that cannot be used: unknown, expired, used, revoked or replaced. Callers say so in one way for all. */
    public static final class Unusable extends RuntimeException {
        Unusable() {
            super("This invitation cannot be used", null, false, false);
        }
    }

    public record AgencyChoice(String externalId, String name) {}

    @Transactional(readOnly = true)
    public List<AgencyChoice> agencies(SignedInUser admin) {
        requireAdmin(admin);
        return invitations.agencies(admin.partnershipId()).stream()
                .map(a -> new AgencyChoice(a.externalId(), a.name()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Invitation> list(SignedInUser admin) {
        requireAdmin(admin);
        return invitations.listForPartnership(admin.partnershipId(), clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Invitation> find(SignedInUser admin, String externalId) {
        requireAdmin(admin);
        return invitations.findByExternalIdAndPartnership(externalId, admin.partnershipId(), clock.instant());
    }

    @Transactional
    public Issued invite(SignedInUser admin, Request request) {
        requireAdmin(admin);
        if (!Role.IN_A_PARTNERSHIP.contains(request.role())) {
            throw new Refused("role", "Select a role");
        }
        String email = request.email().strip();
        Long agencyId = null;
        if (request.role() == Role.LEAD) {
            agencyId = invitations.agencies(admin.partnershipId()).stream()
                    .filter(a -> a.externalId().equals(request.agencyExternalId()))
                    .map(InvitationRepository.AgencyChoice::id)
                    .findFirst()
                    .orElseThrow(() -> new Refused("agency", "Select the agency the lead works for"));
        }
        if (users.emailInUseAnywhere(email)) {
            throw new Refused("email", "There is already an account with this email address");
        }
        if (invitations.openExistsForEmail(email)) {
            throw waiting();
        }
        String token = InvitationToken.generate();
        Instant now = clock.instant();
        long id;
        try {
            id = invitations.create(new InvitationRepository.NewRow(
                    admin.partnershipId(),
                    email,
                    request.displayName().strip(),
                    request.role(),
                    agencyId,
                    admin.userId(),
                    InvitationToken.hash(token),
                    now,
                    now.plus(VALID_FOR)));
        } catch (DuplicateKeyException raced) {
            throw waiting();
        }
        Invitation invitation =
                invitations.findById(id, admin.partnershipId(), now).orElseThrow();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "INVITATION_CREATED",
                "invitation",
                invitation.externalId(),
                null,
                state(invitation),
                null));
        return new Issued(invitation, token);
    }

    /** A new link and seven more days for a pending or expired invitation; the old link stops working. */
    @Transactional
    public Optional<Issued> resend(SignedInUser admin, String externalId) {
        requireAdmin(admin);
        Instant now = clock.instant();
        Optional<Invitation> found = invitations
                .findByExternalIdAndPartnership(externalId, admin.partnershipId(), now)
                .filter(i -> i.status().mayResend());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String token = InvitationToken.generate();
        if (!invitations.replaceToken(
                found.get().id(), admin.partnershipId(), InvitationToken.hash(token), now.plus(VALID_FOR))) {
            return Optional.empty();
        }
        Invitation invitation = invitations
                .findById(found.get().id(), admin.partnershipId(), now)
                .orElseThrow();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "INVITATION_RESENT",
                "invitation",
                externalId,
                Map.of("expiresAt", found.get().expiresAt().toString()),
                Map.of("expiresAt", invitation.expiresAt().toString()),
                "a new link; the previous one no longer works"));
        return Optional.of(new Issued(invitation, token));
    }

    @Transactional
    public boolean revoke(SignedInUser admin, String externalId) {
        requireAdmin(admin);
        Instant now = clock.instant();
        Optional<Invitation> found = invitations
                .findByExternalIdAndPartnership(externalId, admin.partnershipId(), now)
                .filter(i -> i.status().mayRevoke());
        if (found.isEmpty() || !invitations.revoke(found.get().id(), admin.partnershipId(), now)) {
            return false;
        }
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "INVITATION_REVOKED",
                "invitation",
                externalId,
                Map.of("status", found.get().status().name()),
                Map.of("status", InvitationStatus.REVOKED.name()),
                null));
        return true;
    }

    /** The invitation a link opens, while it may still be used; empty for every other case alike. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(String token) {
        return invitations
                .findForAcceptance(InvitationToken.hash(token), clock.instant())
                .filter(i -> i.status().mayAccept());
    }

    /**
     * The link's invitation becomes an account with this password, and the invitation is used, in one transaction.
     * The password must already satisfy {@link PasswordRules}.
     */
    @Transactional
    public SignedInUser acceptWithPassword(String token, String password) {
        String hash = passwords.encode(password);
        Instant now = clock.instant();
        return accept(
                invitations.claimByToken(InvitationToken.hash(token), now).orElseThrow(Unusable::new),
                hash,
                "a password");
    }

    /**
     * An open invitation for an email the provider vouched for becomes an account with no password (the provider
     * is how the person signs in); empty when there is none.
     */
    @Transactional
    public Optional<SignedInUser> acceptBySingleSignOn(String email) {
        Instant now = clock.instant();
        return invitations
                .findOpenForSingleSignOn(email, now)
                .flatMap(open -> invitations.claimById(open.id(), now))
                .map(claimed -> accept(claimed, null, "single sign-on"));
    }

    private SignedInUser accept(InvitationRepository.Claimed invitation, String passwordHash, String how) {
        SignedInUser user;
        try {
            user = users.createAndLoad(
                    invitation.partnershipId(),
                    new UserRepository.NewUser(
                            invitation.email(), invitation.displayName(), invitation.role(), invitation.agencyId()),
                    passwordHash);
        } catch (DuplicateKeyException accountExists) {
            throw new Unusable(); // an account for this email was made meanwhile; this transaction rolls back whole
        }
        invitations.recordAcceptedUser(invitation.id(), invitation.partnershipId(), user.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", InvitationStatus.ACCEPTED.name());
        after.put("user", user.externalId());
        after.put("role", user.role().name());
        audit.record(new AuditLog.Event(
                invitation.partnershipId(),
                user.userId(),
                user.getUsername(),
                "INVITATION_ACCEPTED",
                "invitation",
                invitation.externalId(),
                Map.of("status", "PENDING"),
                after,
                "account created; signs in with " + how));
        return user;
    }

    private static Map<String, Object> state(Invitation invitation) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", invitation.email());
        state.put("name", invitation.displayName());
        state.put("role", invitation.role().name());
        if (invitation.agencyName() != null) {
            state.put("agency", invitation.agencyName());
        }
        state.put("expiresAt", invitation.expiresAt().toString());
        return state;
    }

    private static Refused waiting() {
        return new Refused(
                "email", "This email address already has an invitation waiting. Re-send that invitation instead");
    }

    /** Inviting is an admin's: refused (403, audited) for anyone else. */
    private void requireAdmin(SignedInUser user) {
        access.require(user, Access.Capability.ADMINISTER);
    }
}
