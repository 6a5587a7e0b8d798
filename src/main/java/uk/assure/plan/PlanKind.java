package uk.assure.plan;

public enum PlanKind {
    INSPECTION("Inspection"),
    REVIEW("Case review"),
    AUDIT("Audit"),
    BUSINESS_PLAN("Business plan"),
    OTHER("Other");

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
