package uk.assure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What an error page may say beyond its status: only a message the app chose to say ({@link #say}), never an
 * exception's own text.
 */
@Component
class ErrorMessages extends DefaultErrorAttributes {

    private static final String MESSAGE = ErrorMessages.class.getName() + ".message";

    /** The words the error page will show for this request. */
    static void say(HttpServletRequest request, String message) {
        request.setAttribute(MESSAGE, message);
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object said = request.getAttribute(MESSAGE, RequestAttributes.SCOPE_REQUEST);
        if (said instanceof String message) {
            attributes.put("message", message);
        } else {
            attributes.remove("message");
        }
        return attributes;
    }
}
