package uk.assure.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Taking a snapshot: its name ("The board of 12 March"), the day of the meeting it stands for as a GOV.UK date input
 * (day, month, year), and a plan's external id, or blank for every plan.
 */
record SnapshotForm(
        @NotBlank(message = "{report.error.name.missing}") @Size(max = 200, message = "{report.error.name.long}") String name,

        @Size(max = 10, message = "{report.error.heldOn.invalid}") String heldOnDay,

        @Size(max = 10, message = "{report.error.heldOn.invalid}") String heldOnMonth,

        @Size(max = 10, message = "{report.error.heldOn.invalid}") String heldOnYear,

        String plan) {

    static final SnapshotForm BLANK = new SnapshotForm("", "", "", "", "");

    public DateParts heldOn() {
        return new DateParts(heldOnDay, heldOnMonth, heldOnYear);
    }
}
