package uk.assure.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import uk.assure.system.AssureProperties;
import uk.assure.system.DatabaseOwner;

/**
 * {@code assure backup} and {@code assure restore}: the database the app is configured for — the embedded server's
 * data folder ({@code ASSURE_DATA_DIR}) or the server at {@code ASSURE_DATABASE_URL} — copied to one file, and that
 * file loaded into an empty data folder or an empty database. docs/backup.md says what is in the file and why.
 */
public final class Backups {

    /** The audit chain's key file on the embedded default, beside {@code postgres/} (see docs/security.md). */
    static final String AUDIT_KEY = "audit.key";

    private final AssureProperties properties;
    private final boolean auditKeySet;

    /** @param auditKeySet the audit key comes from {@code ASSURE_AUDIT_KEY}, not from the data folder's file */
    public Backups(AssureProperties properties, boolean auditKeySet) {
        this.properties = properties;
        this.auditKeySet = auditKeySet;
    }

    /** A backup made: what it holds, from where, and its size. */
    public record Made(Manifest manifest, String from, long bytes, String sha256) {}

    /** A backup restored: what it held, and where it went. */
    public record Restored(Manifest manifest, String into) {}

    /** Writes a backup of the configured database to {@code file}, which must not exist yet. */
    public Made backup(Path file) {
        if (Files.exists(file)) {
            throw new BackupRefused(file + " already exists: give a new name (a backup never overwrites a file)");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BackupRefused(file + ": the folder " + folder + " does not exist");
        }
        try (Database database = Database.toBackUp(properties)) {
            Manifest manifest =
                    BackupWriter.write(database.owner(), database.description(), file, auditKeyToKeep(database));
            return new Made(manifest, database.description(), Files.size(file), fileSha256(file));
        } catch (IOException e) {
            throw new BackupRefused("the backup could not be written to " + file + ": " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            throw e instanceof BackupRefused refused ? refused : new BackupRefused(why("the backup", e), e);
        }
    }

    /** Checks a backup file through without restoring it: its manifest, every checksum and every count. */
    public Manifest check(Path file) {
        try (BackupFile backup = BackupFile.open(file)) {
            backup.checkData();
            return backup.manifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code file}, then loads it into the configured data folder or database, which must be empty; on the
     * embedded default, a restore that fails leaves the data folder as empty as it found it.
     */
    public Restored restore(Path file) {
        try (BackupFile backup = BackupFile.open(file)) {
            backup.checkData();
            Manifest manifest = backup.manifest();
            if (!DatabaseOwner.knowsSchemaVersion(manifest.schemaVersion())) {
                throw new BackupRefused(file + " was made by a newer Assure (schema version "
                        + manifest.schemaVersion() + ", app " + manifest.appVersion() + "); this one knows up to "
                        + "schema version " + DatabaseOwner.newestSchemaVersion() + ": restore with that version "
                        + "or a later one");
            }
            try (Database database = Database.toRestoreInto(properties)) {
                byte[] auditKey = auditKeyToRestore(database, backup);
                try {
                    Restorer.restore(database.owner(), backup);
                    if (auditKey != null) {
                        AuditKeyFile.write(database.dataDir().resolve(AUDIT_KEY), auditKey);
                    }
                } catch (SQLException | IOException | RuntimeException e) {
                    throw new BackupRefused(why("the restore", e) + "; " + database.failed(), e);
                }
                return new Restored(manifest, database.description());
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw e instanceof BackupRefused refused ? refused : new BackupRefused(why("the restore", e), e);
        }
    }

    /** What went wrong, for the operator: the refusal as it was, or what failed and the database's own words. */
    private static String why(String what, Exception e) {
        if (e instanceof BackupRefused) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql) {
            return what + " failed: " + sql.getMessage() + " (SQL state " + sql.getSQLState() + ")";
        }
        return what + " failed: " + e.getMessage();
    }

    /**
     * On the embedded default with no {@code ASSURE_AUDIT_KEY}, the audit chain's key is the data folder's
     * {@code audit.key}, which sits beside the data on the same machine: it goes into the backup with it, or a
     * restore onto a new machine would hold a chain nobody can verify and an app that refuses to write to it.
     */
    private Path auditKeyToKeep(Database database) {
        if (auditKeySet || database.dataDir() == null) {
            return null;
        }
        Path key = database.dataDir().resolve(AUDIT_KEY);
        return Files.isRegularFile(key) ? key : null;
    }

    /** The backup's audit key, to write into the new data folder once the restore is done; refused if one differs. */
    private byte[] auditKeyToRestore(Database database, BackupFile backup) throws IOException {
        byte[] key = backup.auditKey();
        if (key == null || auditKeySet || database.dataDir() == null) {
            return null;
        }
        Path there = database.dataDir().resolve(AUDIT_KEY);
        if (Files.exists(there)) {
            if (!Arrays.equals(Files.readAllBytes(there), key)) {
                throw new BackupRefused(there + " is another audit key than the one this backup's audit log was "
                        + "written with: move it aside, and the restore puts the backup's key there");
            }
            return null;
        }
        return key;
    }

    static String appVersion() {
        String version = Backups.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static String fileSha256(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
