package uk.assure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.backup.BackupRefused;
import uk.assure.backup.Backups;
import uk.assure.backup.Manifest;

/** {@code assure restore FILE}: a backup into an empty data folder or database, checked first (docs/backup.md). */
@Command(
        name = "restore",
        description = "Check the backup in FILE (manifest and checksums), then load it into the data folder "
                + "(ASSURE_DATA_DIR) or database (ASSURE_DATABASE_URL) the app is set to use, which must be empty.")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a backup written by assure backup")
    Path file;

    @Option(names = "--check", description = "only check FILE through (every checksum and count); restore nothing")
    boolean checkOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Backups backups = backupsFor(Settings.read());
            long started = System.nanoTime();
            if (checkOnly) {
                Manifest manifest = backups.check(file);
                out.printf("%s is a whole backup: %s; every checksum and count matches.%n", file, what(manifest));
            } else {
                Backups.Restored restored = backups.restore(file);
                out.printf(
                        "Restored %s into %s: %s, in %s. Start the app with the same settings; "
                                + "`assure audit verify` checks the audit log.%n",
                        file,
                        restored.into(),
                        what(restored.manifest()),
                        Sizes.duration(Duration.ofNanos(System.nanoTime() - started)));
            }
            out.flush();
            return 0;
        } catch (BackupRefused e) {
            err.println("assure restore: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String what(Manifest manifest) {
        return "made " + manifest.createdAt() + " by Assure " + manifest.appVersion() + " at schema version "
                + manifest.schemaVersion() + ", " + manifest.tables().size() + " tables, " + manifest.rows()
                + " rows, audit events up to "
                + (manifest.lastAuditEvent() == null ? "none" : "#" + manifest.lastAuditEvent());
    }

    private static Backups backupsFor(Settings.Read settings) {
        return new Backups(settings.app(), settings.auditKeySet());
    }
}
