package uk.assure.plan;

/** What the plan calls the thing an action answers. */
public enum FindingKind {
    FINDING("Finding"),
    AREA_FOR_IMPROVEMENT("Area for improvement"),
    RECOMMENDATION("Recommendation"),
    OBJECTIVE("Objective"),
    PRIORITY("Area for priority action");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
