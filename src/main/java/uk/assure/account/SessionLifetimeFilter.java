package uk.assure.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.assure.system.Scope;

/**
 * The limits on a session: the absolute one (ASSURE_SESSION_ABSOLUTE_TIMEOUT, 12 hours by default) — however busy,
 * a session signed in longer ago than that ends — and the user's own record: a session signed in before the user
 * last signed out or changed their password, or of a disabled user, ends on whichever node it is. The idle limit
 * is the servlet session's own timeout (ASSURE_SESSION_IDLE_TIMEOUT).
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "assure.signedInAt";
    static final String USER_ID = "assure.userId";

    private final Clock clock;
    private final Duration absolute;
    private final UserRepository users;

    SessionLifetimeFilter(Clock clock, Duration absolute, UserRepository users) {
        this.clock = clock;
        this.absolute = absolute;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && (signedInAt.plus(absolute).isBefore(clock.instant())
                        || session.getAttribute(USER_ID) instanceof Long userId && !stands(userId, signedInAt))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/sign-in?expired");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Asked before the request's own scope is set: the session names the user, not yet the partnership. */
    private boolean stands(long userId, Instant signedInAt) {
        return Scope.everyPartnership(() -> users.sessionStands(userId, signedInAt));
    }

    /** Notes when the session signed in (after Spring Security gave it a new id). */
    static final class Stamp {
        private final Clock clock;

        Stamp(Clock clock) {
            this.clock = clock;
        }

        @EventListener
        void signedIn(InteractiveAuthenticationSuccessEvent event) {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
                a.getRequest().getSession().setAttribute(SIGNED_IN_AT, clock.instant());
                if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
                    a.getRequest().getSession().setAttribute(USER_ID, user.userId());
                }
            }
        }
    }
}
