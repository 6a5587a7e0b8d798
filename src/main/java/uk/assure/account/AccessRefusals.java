package uk.assure.account;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** A page the person's role does not allow: a 403 page that says why, the refusal audited. */
@ControllerAdvice(annotations = Controller.class)
class AccessRefusals {

    private final Access access;
    private final MessageSource messages;

    AccessRefusals(Access access, MessageSource messages) {
        this.access = access;
        this.messages = messages;
    }

    /** Refused by a service through {@link Access}, which has already audited it. */
    @ExceptionHandler(AccessRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView refused(AccessRefused refused) {
        return page(refused);
    }

    /**
     * Refused by a rule on the handler itself ({@code @PreAuthorize("hasRole('ADMIN')")}, used by features that sit
     * below {@code account} and so cannot ask {@link Access}): Manage's pages, so the refusal is Manage's.
     */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView denied(@AuthenticationPrincipal SignedInUser user) {
        return page(access.refusal(user, Access.Capability.ADMINISTER));
    }

    private ModelAndView page(AccessRefused refused) {
        return new ModelAndView(
                "error/403", Map.of("message", messages.getMessage(refused, LocaleContextHolder.getLocale())));
    }
}
