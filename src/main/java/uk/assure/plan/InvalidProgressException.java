package uk.assure.plan;

import java.util.List;

/** An update refused for what it says; each error names the form field and the reason, in GOV.UK wording. */
public class InvalidProgressException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidProgressException(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {}
}
