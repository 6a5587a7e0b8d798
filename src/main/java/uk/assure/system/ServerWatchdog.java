package uk.assure.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the embedded server down with the app, however the app ends. PostgreSQL is started by {@code pg_ctl}, which
 * leaves it running on its own, so a JVM killed with {@code kill -9} would leave it behind. This small shell, a child
 * of the JVM, waits on a pipe from it; the kernel closes the pipe when the JVM ends — a {@code kill -9} or a crash
 * included — and the shell then asks the server for a fast shutdown (SIGINT), if the process is still our server
 * (its working directory is our data directory). On an orderly stop the app stops the server itself and ends the
 * watchdog first. Should the watchdog die with the app too, the next start stops the server ({@link LeftoverServer}).
 */
final class ServerWatchdog implements Closeable {

    /** The shell's {@code $0}, so that the process is recognisable in {@code ps}. */
    static final String NAME = "assure-postgres-watchdog";

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final String SCRIPT =
            "read -r _; [ \"$(readlink /proc/$1/cwd)\" = \"$2\" ] && kill -s INT \"$1\"; exit 0";

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the postmaster {@code pid} working in {@code pgData}; empty (and said) when it cannot be started. */
    static Optional<ServerWatchdog> watch(long pid, Path pgData) {
        try {
            Process process = new ProcessBuilder(
                            "sh",
                            "-c",
                            SCRIPT,
                            NAME,
                            Long.toString(pid),
                            pgData.toRealPath().toString())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new ServerWatchdog(process));
        } catch (IOException e) {
            log.warn(
                    "Could not start the watchdog that stops the embedded PostgreSQL if the app is killed ({}); "
                            + "a server left running is stopped at the next start instead",
                    e.toString());
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** What the kernel does when the JVM ends: the pipe closes, and the watchdog stops the server. */
    void appGone() throws IOException {
        process.getOutputStream().close();
    }

    /** The app stops the server itself: the watchdog ends without a word to it. */
    @Override
    public void close() {
        process.destroy();
    }
}
