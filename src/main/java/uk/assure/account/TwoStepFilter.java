package uk.assure.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in part way reaches only its step's page, signing out, and the static files; any other request
 * is sent to the step's page, so that a person who wanders off is shown where to carry on rather than a refusal.
 * (The authorisation rules refuse the same requests anyway: a part-way session holds no role.) A session fully
 * signed in that asks for the code page is sent to its plans.
 */
final class TwoStepFilter extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/webjars/", "/assets/", "/css/", "/js/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getServletPath();
        if (authentication instanceof PartSignedIn part
                && !path.equals(part.stage().path())
                && !always(path)) {
            response.sendRedirect(request.getContextPath() + part.stage().path());
            return;
        }
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser
                && !(authentication instanceof PartSignedIn)
                && path.equals(TwoStepSignIn.Stage.CODE.path())) {
            response.sendRedirect(request.getContextPath() + TwoStepSignIn.DEFAULT_TARGET);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean always(String path) {
        return path.equals("/sign-out")
                || path.equals("/favicon.ico")
                || STATIC.stream().anyMatch(path::startsWith);
    }
}
