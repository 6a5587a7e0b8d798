package uk.assure.web;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import uk.assure.system.NotFoundException;

/** Failures become pages in plain words; exception text never reaches a user. */
@ControllerAdvice
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** A text that cannot be stored: the page says which field, and nothing was done. */
    @ExceptionHandler(TextInput.Unstorable.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView unstorable(TextInput.Unstorable e) {
        return new ModelAndView(
                "error/400", Map.of("message", messages.getMessage(e, LocaleContextHolder.getLocale())));
    }
}
