package uk.assure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.backup.BackupRefused;
import uk.assure.backup.Backups;

/** {@code assure backup FILE}: one consistent copy of the database, while the app runs or not (docs/backup.md). */
@Command(
        name = "backup",
        description = "Write a backup of the database the app uses to FILE: every table from one snapshot, taken "
                + "while the app runs or not, with a manifest and SHA-256 checksums (docs/backup.md).")
final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup to write (a zip); it must not exist yet")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Backups backups = backupsFor(Settings.read());
            long started = System.nanoTime();
            Backups.Made made = backups.backup(file);
            var manifest = made.manifest();
            out.printf(
                    "Backed up %s to %s: schema version %s, %d tables, %d rows, audit events up to %s; %s, SHA-256 %s,"
                            + " in %s.%n",
                    made.from(),
                    file,
                    manifest.schemaVersion(),
                    manifest.tables().size(),
                    manifest.rows(),
                    manifest.lastAuditEvent() == null ? "none" : "#" + manifest.lastAuditEvent(),
                    Sizes.bytes(made.bytes()),
                    made.sha256(),
                    Sizes.duration(Duration.ofNanos(System.nanoTime() - started)));
            out.flush();
            return 0;
        } catch (BackupRefused e) {
            err.println("assure backup: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static Backups backupsFor(Settings.Read settings) {
        return new Backups(settings.app(), settings.auditKeySet());
    }
}
