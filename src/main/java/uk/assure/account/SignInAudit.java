package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.assure.audit.AuditLog;
import uk.assure.system.Scope;

/** Every sign-in, successful or not, is an audit event with the email given and the address it came from. */
@Component
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            // a sign-in made without the form (uk.assure.account.SessionSignIn) names the way in its details
            String how = event.getAuthentication().getDetails() instanceof String way ? " by " + way : "";
            try (var scope = Scope.partnership(user.partnershipId())) {
                audit.record(new AuditLog.Event(
                        user.partnershipId(),
                        user.userId(),
                        user.getUsername(),
                        "SIGN_IN",
                        "user",
                        null,
                        null,
                        null,
                        "from " + address() + how));
            }
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String email = String.valueOf(event.getAuthentication().getPrincipal());
        audit.record(new AuditLog.Event(
                null,
                null,
                email.length() > 200 ? email.substring(0, 200) : email,
                "SIGN_IN_FAILED",
                "user",
                null,
                null,
                null,
                event.getException().getClass().getSimpleName() + " from " + address()));
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "the command line";
    }
}
