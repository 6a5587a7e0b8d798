package uk.assure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the audit key comes from: the setting, or a file made once beside the embedded database; never nowhere. */
class AuditKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void onTheEmbeddedDefaultAKeyIsMadeOnceBesideTheDatabaseReadableByItsOwnerOnly() throws Exception {
        AuditKey made = AuditKey.resolve("", "", dataDir);
        Path file = dataDir.resolve("audit.key");

        assertThat(made.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(AuditKey.resolve(null, null, dataDir).check())
                .as("the same key at the next start")
                .isEqualTo(made.check());
        try (var left = Files.list(dataDir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void withAnExternalDatabaseAMissingKeyStopsTheStart() {
        assertThatThrownBy(() -> AuditKey.resolve(" ", "jdbc:postgresql://db/assure", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASSURE_AUDIT_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(dataDir.resolve("audit.key")).doesNotExist();
    }

    @Test
    void theSettingWinsAndMustBeThirtyTwoBytesOfBase64() {
        AuditKey configured = AuditKey.resolve(KEY, "jdbc:postgresql://db/assure", dataDir);
        assertThat(configured.source()).isEqualTo("ASSURE_AUDIT_KEY");
        assertThat(AuditKey.resolve(KEY.replace('+', '-').replace('/', '_'), "", dataDir)
                        .check())
                .isEqualTo(configured.check());
        assertThat(dataDir.resolve("audit.key")).doesNotExist();

        for (String weak : new String[] {"c2hvcnQ=", "not base64 at all!", "a passphrase someone chose"}) {
            assertThatThrownBy(() -> AuditKey.resolve(weak, "", dataDir))
                    .hasMessageContaining("ASSURE_AUDIT_KEY must be 32 or more random bytes in base64")
                    .hasMessageNotContaining(weak);
        }
    }

    @Test
    void theHmacDependsOnTheKey() {
        AuditKey one = new AuditKey(new byte[32], "one");
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(one.sign("content")).hasSize(64).isNotEqualTo(new AuditKey(other, "other").sign("content"));
        assertThat(one.sign("content")).isEqualTo(one.sign("content"));
    }
}
