package uk.assure.web;

import java.util.List;
import org.springframework.stereotype.Component;

/** For templates: whether a field has an error, its message, and what its input's aria-describedby names. */
@Component("formErrors")
public class FormErrors {

    public boolean has(List<FormError> errors, String field) {
        return errors != null && errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean hasPrefix(List<FormError> errors, String prefix) {
        return errors != null && errors.stream().anyMatch(e -> e.field().startsWith(prefix));
    }

    public String firstWithPrefix(List<FormError> errors, String prefix) {
        return errors == null
                ? null
                : errors.stream()
                        .filter(e -> e.field().startsWith(prefix))
                        .map(FormError::message)
                        .findFirst()
                        .orElse(null);
    }

    /** "narrative-hint narrative-error", or just the hint, or null when there is neither. */
    public String describedBy(List<FormError> errors, String field, String hint) {
        String error = has(errors, field) ? field + "-error" : null;
        if (hint == null) {
            return error;
        }
        return error == null ? hint : hint + " " + error;
    }
}
