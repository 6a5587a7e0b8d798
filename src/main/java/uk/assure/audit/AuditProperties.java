package uk.assure.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain's settings: {@code ASSURE_AUDIT_KEY}, the HMAC key (base64, 32 bytes or more; generated beside the
 * embedded database when absent, required with an external one), and where and how often the app writes the chain's
 * head outside the database ({@code ASSURE_AUDIT_CHECKPOINT_FILE}, {@code ASSURE_AUDIT_CHECKPOINT_INTERVAL}).
 */
@ConfigurationProperties(prefix = "assure.audit")
record AuditProperties(String key, @DefaultValue("1h") Duration checkpointInterval, String checkpointFile) {

    static final String KEY_FILE = "audit.key";
    static final String CHECKPOINT_FILE = "audit-checkpoints.log";

    /** The checkpoint file named, or by default {@code <data dir>/audit-checkpoints.log}, beside the database. */
    Path checkpointPath(String dataDir) {
        return (checkpointFile == null || checkpointFile.isBlank()
                        ? Path.of(dataDir).resolve(CHECKPOINT_FILE)
                        : Path.of(checkpointFile.strip()))
                .toAbsolutePath()
                .normalize();
    }

    /** Never the key itself, wherever the settings are printed. */
    @Override
    public String toString() {
        return "AuditProperties[key=" + (key == null || key.isBlank() ? "(none)" : "(set)") + ", checkpointInterval="
                + checkpointInterval + ", checkpointFile=" + checkpointFile + "]";
    }
}
