package uk.assure.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** The audit key a restore puts into the new data folder: readable by its owner only, as the app makes it. */
final class AuditKeyFile {

    private AuditKeyFile() {}

    static void write(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".audit-key", ".tmp");
        try {
            if (Files.getFileAttributeView(partial, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(partial, key);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
