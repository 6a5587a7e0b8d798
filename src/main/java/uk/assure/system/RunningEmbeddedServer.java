package uk.assure.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server that is already running on a data folder (the app's, while the app runs), found by the
 * {@code postmaster.pid} PostgreSQL keeps in its data directory: its first line is the server's process, its
 * fourth the port it listens on. Tools that work beside the app (backup) connect to it rather than start a second
 * server on the same data.
 */
public record RunningEmbeddedServer(long pid, int port, Path pgData) {

    /** Where the embedded server keeps its data under the app's data folder ({@code ASSURE_DATA_DIR}). */
    public static Path pgData(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }

    /** The server running on the data folder now, if any: its pid file names a live process and a port. */
    public static Optional<RunningEmbeddedServer> find(Path dataDir) {
        Path pgData = pgData(dataDir);
        List<String> lines;
        try {
            lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pgData.resolve("postmaster.pid"), e);
        }
        if (lines.size() < 4
                || !lines.get(0).strip().matches("\\d{1,10}")
                || !lines.get(3).strip().matches("\\d{1,5}")) {
            return Optional.empty(); // still being written by a server that is starting, or not a pid file
        }
        long pid = Long.parseLong(lines.get(0).strip());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive
                ? Optional.of(new RunningEmbeddedServer(
                        pid, Integer.parseInt(lines.get(3).strip()), pgData))
                : Optional.empty();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE;
    }

    /** The embedded server's superuser, who owns the tables (local connections need no password). */
    public String user() {
        return "postgres";
    }
}
