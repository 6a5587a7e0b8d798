package uk.assure.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import uk.assure.audit.AuditLog;

/**
 * What follows the provider's answer. On success the provider's authentication is replaced by the matched
 * {@link SignedInUser}, the same principal a password sign-in gives, so every page and the session limits work
 * unchanged. On refusal the half-made session is dropped, the attempt is audited as a failed sign-in, and the person
 * sees a plain page: no account for the email, or single sign-on did not work.
 */
final class SingleSignOnOutcome implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String NO_ACCOUNT_PAGE = "/sign-in/no-account";
    static final String FAILED_PAGE = "/sign-in?ssoFailed";

    private final SessionSignIn signIn;
    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler onwards =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SingleSignOnOutcome(SessionSignIn signIn, AuditLog audit) {
        this.signIn = signIn;
        this.audit = audit;
        onwards.setDefaultTargetUrl("/plans");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        SignedInUser user = ((SingleSignOnAccounts.Matched) authentication.getPrincipal()).account();
        signIn.signIn(user, "single sign-on", request, response);
        onwards.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String email = exception instanceof SingleSignOnAccounts.Refused refused ? refused.email() : null;
        String why = exception instanceof SingleSignOnAccounts.Refused refused
                ? refused.getMessage()
                : "the provider's answer was not accepted ("
                        + exception.getClass().getSimpleName() + ")";
        audit.record(new AuditLog.Event(
                null,
                null,
                email == null ? "single sign-on" : truncate(email),
                "SIGN_IN_FAILED",
                "user",
                null,
                null,
                null,
                "single sign-on: " + why + " from " + request.getRemoteAddr()));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        boolean noAccount = exception instanceof SingleSignOnAccounts.Refused refused
                && SingleSignOnAccounts.Refused.NO_ACCOUNT.equals(
                        refused.getError().getErrorCode());
        response.sendRedirect(request.getContextPath() + (noAccount ? NO_ACCOUNT_PAGE : FAILED_PAGE));
    }

    private static String truncate(String email) {
        return email.length() > 200 ? email.substring(0, 200) : email;
    }
}
