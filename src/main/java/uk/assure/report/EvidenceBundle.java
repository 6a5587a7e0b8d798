package uk.assure.report;

import java.time.Instant;
import java.util.List;

/**
 * Evidence for inspectors: a plan's findings (all, or those chosen), each with the actions answering it, their
 * updates, and the evidence files given with them, each file numbered (E01, E02...) in the order the walk meets it
 * and named in the zip as {@code E01-<its safe name>}.
 */
public record EvidenceBundle(
        String planExternalId,
        String planTitle,
        Instant madeAt,
        String madeBy,
        List<Finding> findings,
        List<Item> evidence) {

    public record Finding(String anchor, String ref, String text, List<Action> actions) {}

    public record Action(String ref, String text, String status, List<Update> updates) {}

    public record Update(Instant at, String author, String narrative, List<Item> evidence) {}

    /** One evidence file: its number, the name it was given, its name in the zip, its size, and its id. */
    public record Item(String number, String fileName, String zipName, long size, String fileId) {

        public String anchor() {
            return "evidence-" + number;
        }
    }

    /** A file name that any file system takes: letters, digits, dot, dash and underscore, at most 100 characters. */
    static String safe(String name) {
        String safe = name == null ? "" : name.strip().replaceAll("[^A-Za-z0-9._-]+", "_");
        safe = safe.replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            safe = "evidence";
        }
        return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }
}
