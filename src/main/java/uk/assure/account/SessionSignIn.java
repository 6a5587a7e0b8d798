package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in without the sign-in form: after accepting an invitation, and after single sign-on. It ends in
 * the same state as a password sign-in, so nothing else needs to know which way was used: a new session id, a new
 * CSRF token, a {@link SignedInUser} as the principal, and the same events, so the sign-in is audited
 * ({@code SignInAudit}) and the session stamped for revocation and the absolute timeout
 * ({@link SessionLifetimeFilter.Stamp}).
 */
@Component
class SessionSignIn {

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final ApplicationEventPublisher events;

    SessionSignIn(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** @param how the way the person proved who they are, for the audit log ("an invitation", "single sign-on") */
    public void signIn(SignedInUser person, String how, HttpServletRequest request, HttpServletResponse response) {
        SignedInUser user = person.withoutPassword(); // what the session keeps
        request.getSession(true);
        request.changeSessionId(); // session fixation: whatever id the anonymous visit had is finished with
        csrfTokens.saveToken(null, request, response);
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(how);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new AuthenticationSuccessEvent(authentication));
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(authentication, SessionSignIn.class));
    }
}
