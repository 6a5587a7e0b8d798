package uk.assure.web;

/**
 * Characters a text may not hold: PostgreSQL cannot store NUL in text, a lone half of a surrogate pair cannot be
 * written as UTF-8, and XML 1.0 (Word and Excel exports) has no place for most control characters. Every text a
 * person or a program sends is asked here before anything is done with it.
 */
public final class TextInput {

    private TextInput() {}

    /** What is wrong with the text, in words, or null when it may be stored. */
    public static String problem(String text) {
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
                return "half of a character pair (" + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "half of a character pair (" + codePoint(c) + ")";
            }
            if (c == 0) {
                return "a NUL character (U+0000)";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return "a control character (" + codePoint(c) + ")";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** A text that cannot be stored, and the field it came in. */
    public static final class Unstorable extends RuntimeException {
        private final String field;

        public Unstorable(String field, String problem) {
            super("The " + field + " field contains " + problem + ", which cannot be stored: remove it and try again");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
