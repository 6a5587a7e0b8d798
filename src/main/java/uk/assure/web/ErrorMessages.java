package uk.assure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import uk.assure.system.Message;

/**
 * What an error page may say beyond its status: only a message the app chose to say ({@link #say}), in the words of
 * messages.properties, never an exception's own text.
 */
@Component
class ErrorMessages extends DefaultErrorAttributes {

    private static final String MESSAGE = ErrorMessages.class.getName() + ".message";

    private final MessageSource messages;

    ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** What the error page will say for this request. */
    static void say(HttpServletRequest request, Message message) {
        request.setAttribute(MESSAGE, message);
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object said = request.getAttribute(MESSAGE, RequestAttributes.SCOPE_REQUEST);
        if (said instanceof MessageSourceResolvable message) {
            attributes.put("message", messages.getMessage(message, LocaleContextHolder.getLocale()));
        } else {
            attributes.remove("message");
        }
        return attributes;
    }
}
