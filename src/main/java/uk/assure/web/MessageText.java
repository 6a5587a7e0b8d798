package uk.assure.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * For templates, as {@code @messageText}: a message carried in the model (a refusal, a form error) in the words of
 * messages.properties, as {@code #{...}} gives a key written in the template.
 */
@Component("messageText")
public class MessageText {

    private final MessageSource messages;

    MessageText(MessageSource messages) {
        this.messages = messages;
    }

    /** The message in words; null for none. */
    public String of(MessageSourceResolvable message) {
        return message == null ? null : messages.getMessage(message, LocaleContextHolder.getLocale());
    }
}
