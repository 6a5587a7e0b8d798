package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import uk.assure.system.Scope;

/**
 * The steps of signing in. After the right password, a user with two-step on holds only {@link Stage#CODE} until
 * they give a code, and an admin without two-step only {@link Stage#SET_UP} until they turn it on: no role, so no
 * page but their step's ({@link TwoStepFilter} sends them there). Completing the step gives the user their role under
 * a new session id, as the password did, and carries on to the page they first asked for.
 */
@Component
public class TwoStepSignIn implements AuthenticationSuccessHandler {

    /** A second step still to come, with the one page that serves it. */
    public enum Stage {
        CODE("/sign-in/code"),
        SET_UP("/account/two-step");

        private final String path;

        Stage(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public String authority() {
            return "TWO_STEP_" + name();
        }
    }

    static final String DEFAULT_TARGET = "/plans";
    static final String OPERATOR_TARGET = "/platform";

    private final TwoStep twoStep;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final RequestCache requests = new HttpSessionRequestCache();

    TwoStepSignIn(TwoStep twoStep, SignInThrottle throttle, Clock clock) {
        this.twoStep = twoStep;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** The stage a session is held at, if it is signed in only part way. */
    public static Optional<Stage> stage(Authentication authentication) {
        return authentication instanceof PartSignedIn part ? Optional.of(part.stage()) : Optional.empty();
    }

    /** After the right password (Spring Security has already given the session a new id). */
    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SignedInUser user = ((SignedInUser) authentication.getPrincipal()).withoutPassword();
        // the request signed in only now, after its scope was set: read the user's two-step in their partnership
        boolean on = Scope.partnership(
                user.partnershipId(), () -> twoStep.state(user).on());
        Stage next = on ? Stage.CODE : TwoStep.requiredFor(user.role()) ? Stage.SET_UP : null;
        if (next == Stage.CODE) {
            // failures are forgiven only when the code is right too, or codes could be guessed three at a time
            hold(request, response, new PartSignedIn(user, next));
        } else {
            throttle.succeeded(user.getUsername());
            // the session keeps the person without the password's hash, whichever way they go on
            hold(
                    request,
                    response,
                    next == Stage.SET_UP
                            ? new PartSignedIn(user, next)
                            : UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
        response.sendRedirect(next == null ? target(request, response, user) : request.getContextPath() + next.path());
    }

    /**
     * The second step is done: the user's role, under a new session id, from now on the moment the session signed
     * in. Answers where to go: the page first asked for, or the plans.
     */
    public String complete(HttpServletRequest request, HttpServletResponse response, SignedInUser user) {
        request.changeSessionId();
        SignedInUser kept = user.withoutPassword();
        hold(request, response, UsernamePasswordAuthenticationToken.authenticated(kept, null, kept.getAuthorities()));
        request.getSession().setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, clock.instant());
        return target(request, response, kept);
    }

    private void hold(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private String target(HttpServletRequest request, HttpServletResponse response, SignedInUser user) {
        SavedRequest saved = requests.getRequest(request, response);
        if (saved == null) {
            return request.getContextPath() + (user.role() == Role.OPERATOR ? OPERATOR_TARGET : DEFAULT_TARGET);
        }
        requests.removeRequest(request, response);
        return saved.getRedirectUrl();
    }
}
