package uk.assure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint is one line a person can read and the verifier can parse back exactly. */
class CheckpointTest {

    @TempDir
    Path dir;

    private final Checkpoint checkpoint = new Checkpoint(
            Instant.parse("2026-11-24T10:00:00Z"),
            UUID.fromString("5b0c4b52-8a40-4bd5-a3a4-1c2e00f8d1aa"),
            12,
            1234,
            "ab".repeat(32));

    @Test
    void aLineReadsBackAsTheSameCheckpoint() {
        assertThat(checkpoint.line())
                .isEqualTo(
                        "2026-11-24T10:00:00Z chain=5b0c4b52-8a40-4bd5-a3a4-1c2e00f8d1aa keyed-from=12 event=1234 hash="
                                + "ab".repeat(32));
        assertThat(Checkpoint.parse(checkpoint.line())).isEqualTo(checkpoint);
    }

    @Test
    void theFileKeepsEveryCheckpointInOrderBehindANoteAndRefusesALineThatIsNotOne() throws Exception {
        CheckpointFile file = new CheckpointFile(dir.resolve("sub/audit-checkpoints.log"));
        assertThat(file.read()).isEmpty();

        file.append(checkpoint);
        file.append(new Checkpoint(checkpoint.at().plusSeconds(3600), checkpoint.chain(), 12, 1300, "cd".repeat(32)));

        assertThat(Files.readAllLines(file.path()).get(0)).startsWith("# Assure audit checkpoints");
        assertThat(file.read())
                .extracting(line -> line.number() + ":" + line.checkpoint().event())
                .containsExactly("3:1234", "4:1300");

        Files.writeString(file.path(), "2026-11-24T11:00:00Z event=1400 hash=00\n", StandardOpenOption.APPEND);
        assertThatThrownBy(file::read)
                .isInstanceOf(AuditVerification.CannotVerify.class)
                .hasMessageContaining("line 5 of the checkpoint file " + file.path() + " is not a checkpoint");
    }
}
