package uk.assure.backup;

/** A backup or restore that cannot go on, with the reason an operator reads (no stack trace, no password). */
public final class BackupRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BackupRefused(String reason) {
        super(reason);
    }

    BackupRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
