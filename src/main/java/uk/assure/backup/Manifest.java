package uk.assure.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * {@code manifest.json}: what a backup holds and how to check it. Written after the data, so its counts and
 * checksums are of what was written; {@code SHA256SUMS} beside it covers it and {@code data.sql}.
 *
 * @param createdAt the moment of the snapshot, as the server told it (UTC, ISO-8601)
 * @param appVersion the Assure that made it
 * @param schemaVersion the Flyway version of the database it came from; a restore migrates to exactly this
 * @param source where it came from, without credentials
 * @param lastAuditEvent the id of the newest audit event it holds (null: none)
 * @param auditKey the part holding the embedded default's audit key ({@code audit.key}), or null when the key is
 *     a setting ({@code ASSURE_AUDIT_KEY}) and so in no backup
 * @param auditChecks the source's definitions of the constraints on {@code audit_event} whose bounds came from its
 *     events (V17; {@link AuditChecks}); empty before V17, null in a backup made before they were recorded
 */
public record Manifest(
        String format,
        int formatVersion,
        String createdAt,
        String appVersion,
        String schemaVersion,
        String postgresVersion,
        String source,
        DataFile data,
        List<Table> tables,
        List<Sequence> sequences,
        List<LeftOut> leftOut,
        Long lastAuditEvent,
        String auditKey,
        List<Check> auditChecks) {

    static final String NAME = "manifest.json";
    static final String FORMAT = "assure-backup";
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** {@code data.sql}: its size and SHA-256 (hex). */
    public record DataFile(String name, long bytes, String sha256) {}

    /** One table: its columns in the order of the COPY, its rows, and the SHA-256 of those rows as written. */
    public record Table(String name, List<String> columns, long rows, String sha256) {}

    /** A sequence's state, as {@code setval(name, lastValue, isCalled)} restores it. */
    public record Sequence(String name, long lastValue, boolean isCalled) {}

    /** A CHECK constraint of the source, as {@code pg_get_constraintdef} wrote it. */
    public record Check(String table, String name, String definition) {}

    /** A table deliberately not in the backup, and why. */
    public record LeftOut(String name, String why) {}

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the manifest", e);
        }
    }

    static Manifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }
}
