package uk.assure.demo;

import java.util.List;
import uk.assure.plan.ActionStatus;

/** A demo plan's own words for status, in the order the plan lists them. */
enum Vocabulary {
    INSPECTION(List.of("Behind schedule", "On track", "Completed")),
    REVIEW(List.of("Completed", "Work underway", "Outstanding")),
    /** The plan has no words of its own; pages show the app's labels. */
    NONE(List.of());

    private final List<String> words;

    Vocabulary(List<String> words) {
        this.words = words;
    }

    List<String> words() {
        return words;
    }

    /** The word an author would choose; {@code behind} when the date in force has passed. */
    String word(ActionStatus status, boolean behind) {
        return switch (this) {
            case INSPECTION ->
                switch (status) {
                    case IN_PROGRESS -> behind ? "Behind schedule" : "On track";
                    case COMPLETED -> "Completed";
                    default -> null;
                };
            case REVIEW ->
                switch (status) {
                    case NOT_STARTED -> "Outstanding";
                    case IN_PROGRESS -> "Work underway";
                    case COMPLETED -> "Completed";
                    default -> null;
                };
            case NONE -> null;
        };
    }
}
