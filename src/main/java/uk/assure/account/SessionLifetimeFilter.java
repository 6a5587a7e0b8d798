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

/**
 * The absolute limit on a session (ASSURE_SESSION_ABSOLUTE_TIMEOUT, 12 hours by default): however busy, a session
 * signed in longer ago than that ends, and the person signs in again. The idle limit is the servlet session's own
 * timeout (ASSURE_SESSION_IDLE_TIMEOUT).
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "assure.signedInAt";

    private final Clock clock;
    private final Duration absolute;

    SessionLifetimeFilter(Clock clock, Duration absolute) {
        this.clock = clock;
        this.absolute = absolute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && signedInAt.plus(absolute).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/sign-in?expired");
            return;
        }
        chain.doFilter(request, response);
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
            }
        }
    }
}
