package uk.assure.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.assure.account.AccessRefused;
import uk.assure.plan.InvalidProgressException;
import uk.assure.plan.StaleActionException;
import uk.assure.system.NotFoundException;
import uk.assure.web.TextInput;

/**
 * The API's refusals as problem details (RFC 9457, {@code application/problem+json}): what is wrong and where —
 * the field, or the line and column of the body — in plain words; never an exception's own text.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        // the same answer whether it does not exist, is another partnership's, or is not the caller's to read
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Not found");
    }

    @ExceptionHandler(AccessRefused.class)
    ProblemDetail refused(AccessRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidProgressException.class)
    ProblemDetail invalid(InvalidProgressException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.errors().stream()
                        .map(InvalidProgressException.FieldError::message)
                        .distinct()
                        .collect(Collectors.joining("; ")));
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(err -> Map.of("field", err.field(), "message", err.message()))
                        .toList());
        return problem;
    }

    /** A parameter that cannot be stored: which one, and nothing done. */
    @ExceptionHandler(TextInput.Unstorable.class)
    ProblemDetail unstorable(TextInput.Unstorable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(StaleActionException.class)
    ProblemDetail stale(StaleActionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The action was updated by " + e.lastUpdatedBy() + " at " + e.lastUpdatedAt()
                        + " after the version you sent: read it again, then send your update with its new version");
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
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimit.REFUSAL));
        }
        String detail = "The request body must be a JSON object";
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = mapping instanceof StorableStrings.Unstorable unstorable
                    ? "The value of " + field + " " + unstorable.getOriginalMessage() + where(mapping)
                    : "The value of " + field + " is not valid" + where(mapping) + expected(field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        } else if (e.getCause() instanceof JsonProcessingException json) {
            detail = "The request body is not valid JSON" + where(json);
        }
        problem.setDetail(detail);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String expected(String field) {
        return switch (field) {
            case "revisedDue" -> ": give a date as YYYY-MM-DD, like 2027-03-31";
            case "version" -> ": give a whole number";
            default -> "";
        };
    }
}
