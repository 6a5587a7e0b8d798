package uk.assure.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the audit chain at a moment, written outside the database (the log and the checkpoint file) so that
 * {@code assure audit verify} can tell when events it saw were later removed or rewritten: which chain (the
 * database's {@code audit_chain}), where its keyed part starts, the newest event then and its hash. One line each:
 * {@code 2026-11-24T10:00:00Z chain=<uuid> keyed-from=1 event=1234 hash=<64 hex>}.
 */
public record Checkpoint(Instant at, UUID chain, long keyedFrom, long event, String hash) {

    private static final Pattern LINE = Pattern.compile(
            "(\\S+) chain=([0-9a-f-]{36}) keyed-from=(\\d{1,18}) event=(\\d{1,18}) hash=([0-9a-f]{64})");

    public String line() {
        return at + " chain=" + chain + " keyed-from=" + keyedFrom + " event=" + event + " hash=" + hash;
    }

    /** A line of the checkpoint file; {@link IllegalArgumentException} when it is not one. */
    static Checkpoint parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint");
        }
        try {
            return new Checkpoint(
                    Instant.parse(m.group(1)),
                    UUID.fromString(m.group(2)),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)),
                    m.group(5));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint", e);
        }
    }
}
