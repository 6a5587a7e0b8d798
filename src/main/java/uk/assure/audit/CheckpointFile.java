package uk.assure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of checkpoints, one line each, appended to and never rewritten. Lines starting with {@code #} are notes
 * for whoever reads it. Every app node may write its own; {@code assure audit verify} checks whichever it is given.
 */
final class CheckpointFile {

    private static final String HEADER = "# Assure audit checkpoints: the newest audit event and its hash, written by "
            + "the app outside the database.\n# `assure audit verify` fails when the database no longer holds any of "
            + "them. Keep this file where the database's owner cannot write, and do not edit it.\n";

    private final Path path;

    CheckpointFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** One checkpoint of the file, with its line number for messages. */
    record Line(int number, Checkpoint checkpoint) {}

    /** Appends the checkpoint and waits until it is on the disk. */
    void append(Checkpoint checkpoint) {
        try {
            Path parent = path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean fresh = !Files.exists(path) || Files.size(path) == 0;
            String text = (fresh ? HEADER : "") + checkpoint.line() + "\n";
            try (FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoint to " + path, e);
        }
    }

    /**
     * Every checkpoint in the file, in order; none when there is no file. A file that cannot be read, or a line that
     * is not a checkpoint, leaves nothing to conclude: {@link AuditVerification.CannotVerify}.
     */
    List<Line> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new AuditVerification.CannotVerify(
                    "cannot read the checkpoint file " + path + ": " + e.getMessage(), e);
        }
        List<Line> checkpoints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                checkpoints.add(new Line(i + 1, Checkpoint.parse(line)));
            } catch (IllegalArgumentException e) {
                throw new AuditVerification.CannotVerify(
                        "line " + (i + 1) + " of the checkpoint file " + path + " is not a checkpoint", e);
            }
        }
        return checkpoints;
    }

    boolean exists() {
        return Files.exists(path);
    }
}
