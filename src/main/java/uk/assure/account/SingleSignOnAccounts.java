package uk.assure.account;

import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import uk.assure.system.Scope;

/**
 * Who a person signed in by the OIDC provider is in Assure. By the email claim only (case-insensitive), and only
 * when the provider does not say it is unverified: an enabled account with that email; else an open invitation for
 * it, accepted now; else no one, and the sign-in is refused. The provider's subject id is not stored: the email is
 * the one link between the two, as it is the sign-in name here.
 */
final class SingleSignOnAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final UserRepository users;
    private final Invitations invitations;

    SingleSignOnAccounts(UserRepository users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
    }

    /** The provider's person, with the Assure account it matched. */
    static final class Matched extends DefaultOidcUser {
        private final transient SignedInUser account;

        Matched(OidcUser oidc, SignedInUser account) {
            super(account.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
            this.account = account;
        }

        SignedInUser account() {
            return account;
        }
    }

    /** A refusal with the email the provider gave (possibly null), for the audit log and the page. */
    static final class Refused extends OAuth2AuthenticationException {
        static final String NO_ACCOUNT = "assure_no_account";
        private final String email;

        Refused(String code, String email, String why) {
            super(new OAuth2Error(code, why, null), why);
            this.email = email;
        }

        String email() {
            return email;
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = provider.loadUser(request);
        String email = oidc.getEmail();
        if (email == null || email.isBlank()) {
            throw new Refused("assure_no_email", null, "the provider gave no email claim");
        }
        if (oidc.hasClaim("email_verified") && !Boolean.TRUE.equals(oidc.getEmailVerified())) {
            throw new Refused("assure_email_unverified", email, "the provider says the email is not verified");
        }
        // the email names the partnership: until the account is found, the request is about none in particular
        Optional<SignedInUser> account = Scope.everyPartnership(() -> users.findForSingleSignOn(email));
        if (account.isPresent() && !account.get().isEnabled()) {
            throw new Refused("assure_disabled", email, "the account is disabled");
        }
        SignedInUser user = account.or(() -> Scope.everyPartnership(() -> invitations.acceptBySingleSignOn(email)))
                .orElseThrow(
                        () -> new Refused(Refused.NO_ACCOUNT, email, "no account or open invitation for this email"));
        return new Matched(oidc, user);
    }
}
