package uk.assure.support;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * messages.properties read as the app reads it (UTF-8, British English), for unit tests that assert the words a person
 * is shown: a refusal carries a key and its values, and this gives the sentence.
 */
public final class English {

    /** The app's messages, without the app. */
    public static final MessageSource MESSAGES = messages();

    private English() {}

    /** The words of a message, or of a refusal that carries one. */
    public static String of(MessageSourceResolvable message) {
        return MESSAGES.getMessage(message, Locale.UK);
    }

    /** The words of a refusal (a {@code MessageException}): what the page or the API says for it. */
    public static String of(Throwable refusal) {
        return of((MessageSourceResolvable) refusal);
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
