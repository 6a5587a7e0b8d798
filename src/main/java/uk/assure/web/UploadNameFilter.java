package uk.assure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.assure.system.Message;

/**
 * A file whose name holds a NUL: the servlet container refuses to take the upload apart the moment anything (the
 * CSRF check, before any page) asks for a field, so the refusal is caught here, outside the security filters, and
 * answered as a 400 page that says what to do. Nothing is read and nothing is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // after the session filter, before Spring Security's (-100)
class UploadNameFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (InvalidFileNameException e) {
            ErrorMessages.say(request, Message.of("input.fileName.nul"));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
