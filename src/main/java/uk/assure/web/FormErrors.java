package uk.assure.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import uk.assure.system.Message;

/**
 * For templates: whether a field has an error, its message in words, and what its input's aria-describedby names.
 * For controllers: a form object's Bean Validation errors as {@link FormError}s, one per field, in the form's order.
 */
@Component("formErrors")
public class FormErrors {

    /** A constraint's own message key, as its annotation names it: {@code message = "{invitation.error.name.long}"}. */
    private static final Pattern KEY = Pattern.compile("\\{([a-zA-Z][\\w.]*)}");

    /** What any error says that names no key of its own. */
    private static final Message ANY_FIELD = Message.of("error.field");

    private final MessageText messages;

    FormErrors(MessageText messages) {
        this.messages = messages;
    }

    public boolean has(List<FormError> errors, String field) {
        return errors != null && errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean hasPrefix(List<FormError> errors, String prefix) {
        return errors != null && errors.stream().anyMatch(e -> e.field().startsWith(prefix));
    }

    /** The words of the first error of the fields named {@code prefix}..., or null. */
    public String firstWithPrefix(List<FormError> errors, String prefix) {
        return errors == null
                ? null
                : errors.stream()
                        .filter(e -> e.field().startsWith(prefix))
                        .map(e -> text(e.message()))
                        .findFirst()
                        .orElse(null);
    }

    /** A message in words, from messages.properties. */
    public String text(MessageSourceResolvable message) {
        return messages.of(message);
    }

    /** "narrative-hint narrative-error", or just the hint, or null when there is neither. */
    public String describedBy(List<FormError> errors, String field, String hint) {
        String error = has(errors, field) ? field + "-error" : null;
        if (hint == null) {
            return error;
        }
        return error == null ? hint : hint + " " + error;
    }

    /**
     * The errors of a bound form object: one per field (a missing value before any other problem), in the order the
     * form's record declares its fields, each with the message key its constraint names. Any other error (a value
     * that could not be bound at all) takes Spring's codes for it, and then {@code error.field}.
     */
    public static List<FormError> of(BindingResult result) {
        return of(result, UnaryOperator.identity());
    }

    /**
     * The same, for a page whose ids are not the form's field names: {@code onPage} gives the id a field's error
     * belongs to (the three parts of a date input share one), and each id keeps its first error.
     */
    public static List<FormError> of(BindingResult result, UnaryOperator<String> onPage) {
        List<String> order = fieldsOf(result.getTarget());
        Map<String, FormError> first = new LinkedHashMap<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError e) -> position(order, e.getField()))
                        .thenComparingInt(FormErrors::precedence))
                .forEach(e -> {
                    String id = onPage.apply(e.getField());
                    first.putIfAbsent(id, new FormError(id, message(e)));
                });
        return new ArrayList<>(first.values());
    }

    private static MessageSourceResolvable message(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
            Matcher key = KEY.matcher(violation.getMessageTemplate());
            if (key.matches()) {
                Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
                if (constraint instanceof Size size) {
                    Object value = violation.getInvalidValue();
                    return Message.of(key.group(1), size.max(), value instanceof CharSequence text ? text.length() : 0);
                }
                return Message.of(key.group(1));
            }
        }
        // Spring's own codes (typeMismatch.<form>.<field>, typeMismatch.<field>...), then ours; never its English
        String[] codes = Arrays.copyOf(error.getCodes(), error.getCodes().length + 1);
        codes[codes.length - 1] = ANY_FIELD.getCode();
        return new DefaultMessageSourceResolvable(codes, error.getArguments(), null);
    }

    private static int precedence(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            Annotation constraint = error.unwrap(ConstraintViolation.class)
                    .getConstraintDescriptor()
                    .getAnnotation();
            return constraint instanceof NotBlank || constraint instanceof NotNull || constraint instanceof NotEmpty
                    ? 0
                    : 1;
        }
        return 0;
    }

    private static List<String> fieldsOf(Object target) {
        if (target == null) {
            return List.of();
        }
        RecordComponent[] components = target.getClass().getRecordComponents();
        return components == null
                ? List.of()
                : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    private static int position(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? order.size() : i;
    }
}
