package uk.assure.system;

/** A change refused because of what was typed, with the form field it belongs to: shown on that field. */
public final class InvalidInput extends MessageException {
    private final String field;

    public InvalidInput(String field, Message message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
