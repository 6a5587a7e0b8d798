package uk.assure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of the audit chain's HMACs, which the database never holds: from {@code ASSURE_AUDIT_KEY}; or, on the
 * embedded default with none set, from {@code <data dir>/audit.key}, made once (32 random bytes, readable by its
 * owner only) beside the PostgreSQL folder, not in it. With an external database a missing key stops the start:
 * there the key must be kept apart from the database, and nothing the app could generate would be. Made by
 * {@link AuditConfiguration}.
 */
final class AuditKey {

    static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String CHECK = "assure audit key check";
    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final SecretKeySpec key;
    private final String source;

    AuditKey(byte[] key, String source) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.source = source;
    }

    /** The HMAC-SHA256 of the content under this key, in hex. */
    String sign(String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value kept in the database that tells whether a key is the one the chain was written with, not the key. */
    String check() {
        return sign(CHECK);
    }

    /** Where the key came from, to name in a message: the setting or the file; never the key. */
    String source() {
        return source;
    }

    static AuditKey resolve(String configured, String databaseUrl, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new AuditKey(decode(configured, "ASSURE_AUDIT_KEY"), "ASSURE_AUDIT_KEY");
        }
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            throw new IllegalStateException("ASSURE_AUDIT_KEY is not set. With ASSURE_DATABASE_URL the audit log's key "
                    + "must come from the configuration and be kept apart from the database, so that whoever can "
                    + "change the database cannot rewrite the audit chain: generate one with `openssl rand -base64 32`, "
                    + "keep it as you keep the database password, and give it to every app node and to "
                    + "`assure audit verify` (docs/security.md, Audit).");
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(AuditProperties.KEY_FILE);
        return new AuditKey(readOrMake(file), file.toString());
    }

    private static byte[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder()
                    .decode(text.replaceAll("\\s", "").replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(where + " must be " + MIN_BYTES + " or more random bytes in base64, "
                    + "for example the output of `openssl rand -base64 32`");
        }
        return bytes;
    }

    /** The key file's key, or a new one written there first (atomically: two starts at once agree on one key). */
    private static byte[] readOrMake(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path made = Files.createTempFile(file.getParent(), ".audit-key", ".tmp");
                try {
                    ownerOnly(made);
                    Files.writeString(made, Base64.getEncoder().encodeToString(fresh) + "\n");
                    Files.createLink(file, made);
                    log.info(
                            "Made the audit log's key in {} (readable by its owner only): keep it with the data", file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: use theirs
                } finally {
                    Files.deleteIfExists(made);
                }
            }
            return decode(Files.readString(file), "The audit key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the audit key file " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
