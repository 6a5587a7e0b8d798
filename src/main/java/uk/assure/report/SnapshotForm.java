package uk.assure.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Taking a snapshot: its name ("The board of 12 March"), the day of the meeting it stands for, and a plan's
 * external id, or blank for every plan.
 */
record SnapshotForm(
        @NotBlank(message = "{report.error.name.missing}") @Size(max = 200, message = "{report.error.name.long}") String name,

        @NotBlank(message = "{report.error.heldOn.missing}") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{report.error.heldOn.invalid}") String heldOn,

        String plan) {}
