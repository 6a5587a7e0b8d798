package uk.assure.web;

import uk.assure.system.Message;
import uk.assure.system.MessageException;

/**
 * Characters a text may not hold: PostgreSQL cannot store NUL in text, a lone half of a surrogate pair cannot be
 * written as UTF-8, and XML 1.0 (Word and Excel exports) has no place for most control characters. Every text a
 * person or a program sends is asked here before anything is done with it.
 */
public final class TextInput {

    private TextInput() {}

    /** What is wrong with the text ("a NUL character (U+0000)"), or null when it may be stored. */
    public static Message problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Message.of("input.problem.halfPair", codePoint(c));
            }
            if (Character.isLowSurrogate(c)) {
                return Message.of("input.problem.halfPair", codePoint(c));
            }
            if (c == 0) {
                return Message.of("input.problem.nul");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return Message.of("input.problem.control", codePoint(c));
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** A text that cannot be stored, and the field it came in (null when it is a parameter's name). */
    public static final class Unstorable extends MessageException {
        private final String field;

        public Unstorable(String field, Message problem) {
            super(Message.of("input.unstorable", field == null ? Message.of("input.parameterName") : field, problem));
            this.field = field;
        }

        /** The field, or null when the name of a parameter is what cannot be stored. */
        public String field() {
            return field;
        }
    }
}
