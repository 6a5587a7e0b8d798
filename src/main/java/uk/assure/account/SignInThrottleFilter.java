package uk.assure.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Before a sign-in is checked: an account or address that must still wait is sent back to say how long. */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final Clock clock;

    SignInThrottleFilter(SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.waitFor(request.getParameter("email"), request.getRemoteAddr(), clock.instant());
        if (!wait.isZero()) {
            response.sendRedirect(
                    request.getContextPath() + "/sign-in?wait=" + Math.max(1, (wait.toMillis() + 999) / 1000));
            return;
        }
        chain.doFilter(request, response);
    }
}
