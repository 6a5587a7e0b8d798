package uk.assure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.assure.system.Message;

/**
 * Before any handler runs: every parameter of the request (its name and values, form fields and query alike) and
 * every uploaded file's name may be stored, or the request is refused, naming the field, and nothing is done.
 */
final class TextInputCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(null, parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, List<MultipartFile>> files :
                    multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : files.getValue()) {
                    check(files.getKey(), file.getOriginalFilename());
                }
            }
        }
        return true;
    }

    /** @param field the parameter's name, or null for the name itself */
    private static void check(String field, String text) {
        Message problem = TextInput.problem(text);
        if (problem != null) {
            throw new TextInput.Unstorable(field == null || TextInput.problem(field) != null ? null : field, problem);
        }
    }
}
