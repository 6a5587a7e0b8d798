package uk.assure.system;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Words for a person: a key in {@code messages.properties} and the values that go into it, resolved through the
 * {@code MessageSource} where they are shown (a page, a problem detail), never written out in Java.
 */
public final class Message extends DefaultMessageSourceResolvable {

    private Message(String code, Object[] arguments) {
        super(new String[] {code}, arguments);
    }

    /** The message under {@code code}, with {@code arguments} as its {0}, {1}...; an argument may itself be a message. */
    public static Message of(String code, Object... arguments) {
        return new Message(code, arguments.length == 0 ? null : arguments);
    }
}
