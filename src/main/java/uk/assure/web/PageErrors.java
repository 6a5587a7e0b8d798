package uk.assure.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import uk.assure.plan.NotFoundException;
import uk.assure.system.AssureProperties;

/** Failures become pages in plain words; exception text never reaches a user. */
@ControllerAdvice // no selector: an upload too large fails before any controller is chosen, and selectors skip those
class PageErrors {

    private final AssureProperties properties;

    PageErrors(AssureProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** Something the person's role does not allow: a 403 page that says why (the refusal is already audited). */
    @ExceptionHandler(uk.assure.account.AccessRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView refused(uk.assure.account.AccessRefused refused) {
        return new ModelAndView("error/403", Map.of("message", refused.getMessage()));
    }

    /** Too big for the upload limit: an error on the upload page's file field, with 200 as GOV.UK forms do. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        String limit = properties.uploadMaxSize().toMegabytes() + " MB";
        return new ModelAndView(
                "imports/new",
                Map.of(
                        "fileError",
                        true,
                        "errors",
                        List.of(new FormError("file", "The file must be " + limit + " or smaller"))));
    }
}
