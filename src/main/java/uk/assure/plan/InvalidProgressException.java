package uk.assure.plan;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import uk.assure.system.Message;

/**
 * An update refused for what it says; each error names the form field and the reason, a message in GOV.UK wording
 * that the page or the API resolves from messages.properties.
 */
public class InvalidProgressException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidProgressException(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + String.join(",", e.message().getCodes()))
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, MessageSourceResolvable message) {

        public static FieldError of(String field, Message message) {
            return new FieldError(field, message);
        }
    }
}
