package uk.assure.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.assure.account.AccessRefused;
import uk.assure.plan.InvalidProgressException;
import uk.assure.plan.StaleActionException;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormErrors;
import uk.assure.web.TextInput;

/**
 * The API's refusals as problem details (RFC 9457, {@code application/problem+json}): what is wrong and where —
 * the field, or the line and column of the body — in plain words; never an exception's own text.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        // the same answer whether it does not exist, is another partnership's, or is not the caller's to read
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text(Message.of("api.notFound")));
    }

    @ExceptionHandler(AccessRefused.class)
    ProblemDetail refused(AccessRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text(e));
    }

    @ExceptionHandler(InvalidProgressException.class)
    ProblemDetail invalid(InvalidProgressException e) {
        return fieldErrors(e.errors().stream()
                .map(err -> Map.entry(err.field(), text(err.message())))
                .toList());
    }

    /** A body whose values break the rules of its record (a length, a value that must be there): each field named. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(fieldErrors(FormErrors.of(e.getBindingResult()).stream()
                        .map(err -> Map.entry(err.field(), text(err.message())))
                        .toList()));
    }

    /** A value a service refused, on its field. */
    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return fieldErrors(List.of(Map.entry(e.field(), text(e))));
    }

    /** A parameter that cannot be stored: which one, and nothing done. */
    @ExceptionHandler(TextInput.Unstorable.class)
    ProblemDetail unstorable(TextInput.Unstorable e) {
        String field = e.field() == null ? text(Message.of("input.parameterName")) : e.field();
        return fieldErrors(List.of(Map.entry(field, text(e))));
    }

    @ExceptionHandler(StaleActionException.class)
    ProblemDetail stale(StaleActionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                text(Message.of("api.stale", e.lastUpdatedBy(), String.valueOf(e.lastUpdatedAt()))));
        problem.setProperty("lastUpdatedBy", e.lastUpdatedBy());
        problem.setProperty("lastUpdatedAt", String.valueOf(e.lastUpdatedAt()));
        return problem;
    }

    /** A body that is not JSON, or a value of the wrong kind: says which field, and where in the body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof BodySizeLimit.TooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, text(BodySizeLimit.REFUSAL)));
        }
        Message detail = Message.of("api.body.notObject");
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            boolean placed = placed(mapping);
            if (mapping instanceof StorableStrings.Unstorable unstorable) {
                detail = placed
                        ? Message.of(
                                "api.value.unstorable.at", field, unstorable.problem(), line(mapping), column(mapping))
                        : Message.of("api.value.unstorable", field, unstorable.problem());
            } else {
                detail = placed
                        ? Message.of("api.value.invalid.at", field, line(mapping), column(mapping), expected(field))
                        : Message.of("api.value.invalid", field, expected(field));
            }
            return ResponseEntity.badRequest().body(fieldErrors(List.of(Map.entry(field, text(detail)))));
        } else if (e.getCause() instanceof JsonProcessingException json) {
            detail = placed(json)
                    ? Message.of("api.body.notJson.at", line(json), column(json))
                    : Message.of("api.body.notJson");
        }
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(detail)));
    }

    /** 400, each field's message in {@code errors}, and the distinct messages together as the detail. */
    private static ProblemDetail fieldErrors(List<Map.Entry<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream().map(Map.Entry::getValue).distinct().collect(Collectors.joining("; ")));
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(err -> Map.of("field", err.getKey(), "message", err.getValue()))
                        .toList());
        return problem;
    }

    private String text(MessageSourceResolvable message) {
        return messages.getMessage(message, LocaleContextHolder.getLocale());
    }

    private static boolean placed(JsonProcessingException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() >= 1;
    }

    private static String line(JsonProcessingException e) {
        return String.valueOf(e.getLocation().getLineNr());
    }

    private static String column(JsonProcessingException e) {
        return String.valueOf(e.getLocation().getColumnNr());
    }

    /** What to send instead, for the fields whose kind is not plain: a message, or nothing. */
    private static Object expected(String field) {
        return switch (field) {
            case "revisedDue" -> Message.of("api.expected.revisedDue");
            case "version" -> Message.of("api.expected.version");
            default -> "";
        };
    }
}
