package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import uk.assure.audit.AuditLog;
import uk.assure.system.AssureProperties;

/**
 * Single sign-on with one OIDC provider, on only when ASSURE_OIDC_ISSUER is set. The client is registered from the
 * issuer's discovery document (read once, at start: the app does not start without it), with the scopes openid,
 * email and profile. The person starts at {@link #START} (the button on the sign-in page) and comes back to
 * {@link #CALLBACK}, the redirect URI to register with the provider.
 */
@Component
class SingleSignOn {

    static final String REGISTRATION_ID = "oidc";
    static final String START_BASE = "/sign-in/sso/start";
    static final String START = START_BASE + "/" + REGISTRATION_ID;
    static final String CALLBACK = "/sign-in/sso/callback";

    private final AssureProperties.Oidc oidc;
    private final SingleSignOnAccounts accounts;
    private final SingleSignOnOutcome outcome;

    SingleSignOn(
            AssureProperties properties,
            UserRepository users,
            Invitations invitations,
            SessionSignIn signIn,
            AuditLog audit) {
        this.oidc = properties.oidc();
        this.accounts = new SingleSignOnAccounts(users, invitations);
        this.outcome = new SingleSignOnOutcome(signIn, audit);
    }

    /** Adds the provider's sign-in to the pages' filter chain, when an issuer is set; otherwise nothing. */
    void configure(HttpSecurity http) throws Exception {
        if (!oidc.configured()) {
            return;
        }
        http.oauth2Login(login -> login.clientRegistrationRepository(
                        new InMemoryClientRegistrationRepository(registration(oidc)))
                .authorizedClientRepository(new NotKept())
                .loginPage("/sign-in")
                .authorizationEndpoint(a -> a.baseUri(START_BASE))
                .redirectionEndpoint(r -> r.baseUri(CALLBACK))
                .userInfoEndpoint(u -> u.oidcUserService(accounts))
                .successHandler(outcome)
                .failureHandler(outcome));
    }

    private static ClientRegistration registration(AssureProperties.Oidc oidc) {
        return ClientRegistrations.fromIssuerLocation(oidc.issuer().strip())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}" + CALLBACK)
                .clientName(oidc.name())
                .build();
    }

    /** The provider's tokens are not kept: Assure asks the provider who the person is, once, and nothing more. */
    private static final class NotKept implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {
            // nothing kept
        }

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {
            // nothing kept
        }
    }
}
