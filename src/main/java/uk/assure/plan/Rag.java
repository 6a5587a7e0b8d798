package uk.assure.plan;

/** A computed rating. Pages always show the label; colour only repeats it. */
public enum Rag {
    RED("Red"),
    AMBER("Amber"),
    GREEN("Green"),
    COMPLETED("Completed"),
    CLOSED("Closed");

    private final String label;

    Rag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
