package uk.assure.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} — PostgreSQL's own lock file in its data directory — says about the server that wrote
 * it: its process id (line 1), its data directory (line 2) and its port (line 4). PostgreSQL removes the file when it
 * shuts down cleanly, so a file found before a start was left by a server still running or one that did not stop
 * cleanly (killed, crashed, or the machine went down).
 */
record PostmasterPid(Path file, long pid, String dataDirectory, int port) {

    static final String FILE_NAME = "postmaster.pid";

    /** The file's first lines, or empty when there is none (or it is too short to name a process: being written). */
    static Optional<PostmasterPid> read(Path pgData) throws IOException {
        Path file = pgData.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.of(new PostmasterPid(file, 0, "", 0));
        }
        long pid = Long.parseLong(lines.get(0).strip());
        String dataDirectory = lines.size() > 1 ? lines.get(1).strip() : "";
        int port = lines.size() > 3 && lines.get(3).strip().matches("\\d{1,5}")
                ? Integer.parseInt(lines.get(3).strip())
                : 0;
        return Optional.of(new PostmasterPid(file, pid, dataDirectory, port));
    }

    /** A file that names no process at all (empty or garbled): nothing can be running under it. */
    boolean namesNoProcess() {
        return pid <= 0;
    }
}
