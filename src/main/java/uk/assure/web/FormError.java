package uk.assure.web;

import org.springframework.context.MessageSourceResolvable;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * One error on a form: the id of the field it belongs to, and its message (a key in messages.properties with its
 * values), which the page resolves as it renders.
 */
public record FormError(String field, MessageSourceResolvable message) {

    public static FormError of(String field, Message message) {
        return new FormError(field, message);
    }

    public static FormError of(InvalidInput refused) {
        return new FormError(refused.field(), refused.message());
    }
}
