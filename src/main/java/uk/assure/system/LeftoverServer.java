package uk.assure.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded server before it starts, on a data directory this process has locked
 * ({@link DataDirectoryLock}), so whatever is found there was left by an earlier run, never by a live Assure:
 *
 * <ul>
 *   <li>a PostgreSQL still running on our data directory (the app was killed with {@code kill -9}, and its server
 *       with it or not) is stopped with a fast shutdown — SIGINT, as {@code pg_ctl stop -m fast} sends — and waited
 *       for; committed transactions are on disk, so nothing is lost;
 *   <li>a {@code postmaster.pid} naming a process that is not running (the machine went down) is left for PostgreSQL,
 *       which replaces it and recovers from its write-ahead log;
 *   <li>a {@code postmaster.pid} naming a process that is now another program (after a reboot the number was reused)
 *       is removed, as PostgreSQL would refuse to start while that process lives.
 * </ul>
 *
 * <p>A process counts as a server on our data only when the kernel says so — its program is {@code postgres} and its
 * working directory (a PostgreSQL server process works in its data directory) is ours — not because a file names it,
 * so nothing else is ever signalled.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Path PROC = Path.of("/proc");
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);
    private static final Duration KILLED = Duration.ofSeconds(5);

    private LeftoverServer() {}

    static void clear(Path pgData) throws IOException {
        Path ours = pgData.toRealPath();
        List<ProcessHandle> running = serverProcessesOn(ours);
        if (!running.isEmpty()) {
            log.warn(
                    "A PostgreSQL server is still running on {} (processes {}), left by an earlier run of Assure that "
                            + "did not stop cleanly: stopping it (fast shutdown) before starting afresh",
                    ours,
                    pids(running));
            stop(running, ours);
            log.info("The PostgreSQL server left running on {} has stopped", ours);
        }
        clearStalePidFile(pgData);
    }

    /** Stops whatever server runs on the data directory: one a failed start left half-started. */
    static void stop(Path pgData) throws IOException {
        Path ours = pgData.toRealPath();
        List<ProcessHandle> running = serverProcessesOn(ours);
        if (!running.isEmpty()) {
            stop(running, ours);
        }
    }

    /** Every process of a PostgreSQL server working in the data directory: its postmaster and its children. */
    static List<ProcessHandle> serverProcessesOn(Path ours) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self && isServerOn(p.pid(), ours)).collect(Collectors.toList());
        }
    }

    /** The kernel's word: the process runs the {@code postgres} program with the data directory as its own. */
    static boolean isServerOn(long pid, Path ours) {
        Path process = PROC.resolve(Long.toString(pid));
        try {
            return Files.readSymbolicLink(process.resolve("cwd")).equals(ours)
                    && Files.readSymbolicLink(process.resolve("exe"))
                            .getFileName()
                            .toString()
                            .startsWith("postgres");
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's process, which cannot be a server this user started
        }
    }

    /** SIGINT to each postmaster (a process whose parent is not one of them), then firmer, then refuse. */
    private static void stop(List<ProcessHandle> running, Path ours) {
        Set<Long> pids = running.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        running.stream()
                .filter(p ->
                        p.parent().map(parent -> !pids.contains(parent.pid())).orElse(true))
                .forEach(p -> signal(p, "INT"));
        if (gone(ours, FAST_SHUTDOWN)) {
            return;
        }
        List<ProcessHandle> left = serverProcessesOn(ours);
        log.warn(
                "The PostgreSQL server on {} did not stop in {} s: immediate shutdown (SIGQUIT) of {}; it recovers "
                        + "from its write-ahead log at the next start",
                ours,
                FAST_SHUTDOWN.toSeconds(),
                pids(left));
        left.forEach(p -> signal(p, "QUIT"));
        if (gone(ours, IMMEDIATE_SHUTDOWN)) {
            return;
        }
        left = serverProcessesOn(ours);
        log.warn("Killing what is left of the PostgreSQL server on {}: {}", ours, pids(left));
        left.forEach(ProcessHandle::destroyForcibly);
        if (!gone(ours, KILLED)) {
            throw new StartRefused(
                    "Could not stop the PostgreSQL server left running on " + ours + " (processes "
                            + pids(serverProcessesOn(ours)) + ").",
                    "Stop those processes, then start Assure again.");
        }
    }

    /** Through the shell's own kill, there wherever sh is (a slim container may have no kill program). */
    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder(
                            "sh", "-c", "kill -s \"$1\" \"$2\"", "kill", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            process.destroy(); // no shell: SIGTERM, PostgreSQL's smart shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left running", e);
        }
    }

    private static boolean gone(Path ours, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (serverProcessesOn(ours).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the PostgreSQL server to stop", e);
            }
        }
        return serverProcessesOn(ours).isEmpty();
    }

    /** No server runs on our data now; a postmaster.pid still there is stale. */
    private static void clearStalePidFile(Path pgData) throws IOException {
        Optional<PostmasterPid> found = PostmasterPid.read(pgData);
        if (found.isEmpty()) {
            return;
        }
        PostmasterPid file = found.get();
        if (file.namesNoProcess()) {
            log.warn("Removing an empty or unreadable {}: a server start that did not finish", file.file());
            Files.deleteIfExists(file.file());
            return;
        }
        Optional<ProcessHandle> named = ProcessHandle.of(file.pid()).filter(ProcessHandle::isAlive);
        if (named.isEmpty()) {
            log.warn(
                    "{} names process {}, which is not running: the server did not stop cleanly (killed, crashed, or "
                            + "the machine went down). PostgreSQL replaces the file and recovers from its write-ahead log",
                    file.file(),
                    file.pid());
            return;
        }
        if (!Files.isDirectory(PROC.resolve("self"))) {
            throw new StartRefused(
                    file.file() + " names process " + file.pid() + ", which is running, and this system cannot tell "
                            + "whether it is a PostgreSQL server on " + pgData + ".",
                    "If it is not, remove the file; if it is, stop it. Then start Assure again.");
        }
        log.warn(
                "{} names process {}, which is now another program ({}): the file is stale, left by a server that did "
                        + "not stop cleanly before the machine restarted. Removing it",
                file.file(),
                file.pid(),
                named.get().info().command().orElse("unknown"));
        Files.deleteIfExists(file.file());
    }

    private static List<Long> pids(List<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).sorted().collect(Collectors.toList());
    }
}
