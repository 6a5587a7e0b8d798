package uk.assure.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The lead's own word that an action is off track, and since when: "Behind schedule", "Delayed", "At risk", or
 * the update form's "No, it is behind schedule". It makes the action at least Amber, whatever the dates say.
 *
 * @param word the plan's own words for it, or null for the form's plain "behind schedule"
 * @param since the day of the update (or import) that said so
 */
public record LeadJudgement(String word, LocalDate since) {

    public LeadJudgement {
        Objects.requireNonNull(since, "since");
    }
}
