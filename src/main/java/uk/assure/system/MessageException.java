package uk.assure.system;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal whose reason is for a person to read: it carries a {@link Message}, which a page or the API resolves
 * through the {@code MessageSource}. Its own {@link #getMessage()} names the key and values, for the log only.
 */
public abstract class MessageException extends RuntimeException implements MessageSourceResolvable {

    private final transient Message message;

    protected MessageException(Message message) {
        super(message.getCode() + argumentsForTheLog(message));
        this.message = message;
    }

    /** What to tell the person. */
    public Message message() {
        return message;
    }

    @Override
    public String[] getCodes() {
        return message.getCodes();
    }

    @Override
    public Object[] getArguments() {
        return message.getArguments();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }

    private static String argumentsForTheLog(Message message) {
        Object[] arguments = message.getArguments();
        return arguments == null ? "" : " " + Arrays.toString(arguments);
    }
}
