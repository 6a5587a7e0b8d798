package uk.assure.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real jar ({@code target/assure.jar}, packaged before the integration tests run) in a JVM of its own, as an
 * operator runs it: {@code java -jar assure.jar} with the settings in its environment and its output in a log file.
 * Only processes this class started, and the servers they started, are ever killed.
 */
final class RunningJar {

    static final Path JAR = Path.of("target", "assure.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Instant launched;
    private final Path dataDir;
    private final Path log;
    final int port;

    private RunningJar(Process process, Instant launched, Path dataDir, Path log, int port) {
        this.process = process;
        this.launched = launched;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /** {@code java -jar assure.jar}: the app, on a free port. */
    static RunningJar app(Path dataDir, Map<String, String> settings, Path log) throws IOException {
        int port = freePort();
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("ASSURE_PORT", Integer.toString(port));
        Instant launched = Instant.now();
        return new RunningJar(launch(dataDir, environment, log, List.of()), launched, dataDir, log, port);
    }

    /** {@code java -jar assure.jar COMMAND...}, run to its end: its exit code and what it printed. */
    static Ran command(Path dataDir, Path log, String... command) throws IOException, InterruptedException {
        Process process = launch(dataDir, Map.of(), log, List.of(command));
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("assure " + String.join(" ", command) + " did not end in 3 minutes: " + log);
        }
        return new Ran(process.exitValue(), Files.readString(log));
    }

    record Ran(int exitCode, String output) {}

    /** {@code java -jar assure.jar COMMAND...}, started and left running: the caller waits for it or kills it. */
    static Process start(Path dataDir, Map<String, String> settings, Path log, String... command) throws IOException {
        return launch(dataDir, settings, log, List.of(command));
    }

    private static Process launch(Path dataDir, Map<String, String> settings, Path log, List<String> args)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the crash drill runs the packaged jar (./mvnw verify "
                    + "packages it before the integration tests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of the tests' own environment reaches the app: no ASSURE_DATABASE_URL, say
        builder.environment().keySet().removeIf(name -> name.startsWith("ASSURE_"));
        builder.environment().putAll(settings);
        builder.environment().put("ASSURE_DATA_DIR", dataDir.toString());
        return builder.start();
    }

    /** Waits for {@code /actuator/health} to say UP: the time from launch to then. */
    Duration awaitHealthy(Duration within) throws InterruptedException {
        Instant deadline = launched.plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The app ended (exit " + process.exitValue() + ") before it was healthy; see " + log);
            }
            if (healthy()) {
                Duration took = Duration.between(launched, Instant.now());
                if (took.compareTo(within) > 0) {
                    throw new AssertionError("The app was healthy " + took.toMillis()
                            + " ms after its start, not within " + within.toSeconds() + " s; see " + log);
                }
                return took;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "The app was not healthy within " + within.toSeconds() + " s of its start; see " + log);
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    /** The embedded server's postmaster, as its postmaster.pid names it. */
    PostmasterPid postmaster() throws IOException {
        return PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow();
    }

    /** The shell the app started to stop its server should the app be killed ({@link ServerWatchdog}). */
    Optional<ProcessHandle> watchdog() {
        return process.children()
                .filter(child -> child.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains(ServerWatchdog.NAME))
                        .orElse(false))
                .findFirst();
    }

    /** {@code kill -9} of these exact processes, all in one command. */
    static void kill9(long... pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-s", "KILL"));
        for (long pid : pids) {
            command.add(Long.toString(pid));
        }
        Process kill = new ProcessBuilder(command).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed");
        }
    }

    /** An orderly stop, as systemd or Ctrl-C asks for one (SIGTERM), waiting for the app to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("The app did not stop within 2 minutes of SIGTERM; see " + log);
        }
    }

    void awaitEnd() throws InterruptedException {
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** After a failed drill: this app, if it still runs, killed. */
    void killIfAlive() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
