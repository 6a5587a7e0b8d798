package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.assure.support.TestDatabase;

/**
 * The embedded server as the app starts it, with the app's own defaults (not the tests' shared server, which runs
 * with fsync off for speed): durable, one at a time on a data directory, and back after whatever an earlier run left
 * behind — a server still running, a stale postmaster.pid from before a reboot — with no hand work. CrashDrillIT
 * does the same to the real jar, with kill -9.
 */
class EmbeddedPostgresServerIT {

    @TempDir
    static Path dataDir;

    @Test
    void theServerTheAppStartsIsDurable() throws IOException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            Map<String, String> settings = Durability.settings(owner(server));
            assertThat(settings)
                    .as("pg_settings of the embedded server started with the app's defaults")
                    .containsEntry("fsync", "on")
                    .containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on");
        }
    }

    @Test
    void aSecondAssureOnTheSameDataDirectoryIsRefusedAndTheFirstGoesOn() throws IOException {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "Another Assure (process " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("is using the data directory " + dataDir.toAbsolutePath())
                    .hasMessageContaining("ASSURE_DATA_DIR");
            assertThat(owner(first).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(owner(again).sql("SELECT 1").query(Integer.class).single())
                    .as("the lock goes with the app that held it")
                    .isEqualTo(1);
        }
    }

    @Test
    void aServerLeftRunningByAnEarlierRunIsStoppedAndTheAppStartsItsOwn() throws Exception {
        Path bin;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            bin = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmaster()), "exe"))
                    .getParent();
        }
        // what an app killed with kill -9 (and its watchdog with it) leaves: a server running on its own, no lock
        long orphan = startOnItsOwn(bin);
        Path ours = pgData().toRealPath();
        assertThat(LeftoverServer.isServerOn(orphan, ours)).isTrue();
        try {
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
                // its process may linger a moment as a zombie, holding nothing, until init reaps it
                assertThat(LeftoverServer.isServerOn(orphan, ours))
                        .as("the server left running was stopped")
                        .isFalse();
                assertThat(postmaster()).isNotEqualTo(orphan);
                assertThat(owner(server).sql("SELECT 1").query(Integer.class).single())
                        .isEqualTo(1);
            }
        } finally {
            if (LeftoverServer.isServerOn(orphan, ours)) {
                new ProcessBuilder(pgCtl(bin, "stop", "-m", "immediate"))
                        .start()
                        .waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStalePostmasterPidFromBeforeARebootIsNoObstacle() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(owner(server).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
        // after a reboot the number in the file is another program's: here, this JVM's own
        writePostmasterPid(ProcessHandle.current().pid());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(postmaster()).isNotEqualTo(ProcessHandle.current().pid());
        }
        // or nobody's: a process that has ended
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writePostmasterPid(ended.pid());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(owner(server).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
        // or nothing readable: a start that was cut off while writing it
        Files.writeString(pgData().resolve(PostmasterPid.FILE_NAME), "");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(owner(server).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void whenTheAppIsKilledItsServerStopsBehindIt() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        long postmaster = postmaster();
        try {
            // what the kernel does when the JVM dies: the watchdog's pipe from it closes
            server.watchdog().orElseThrow().appGone();
            Instant deadline = Instant.now().plusSeconds(30);
            while (ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isPresent()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                    .as("the postmaster stopped")
                    .isEmpty();
            assertThat(pgData().resolve(PostmasterPid.FILE_NAME))
                    .as("a clean (fast) shutdown, not a crash")
                    .doesNotExist();
        } finally {
            server.close();
        }
    }

    @Test
    void aServerThatCouldLoseUpdatesIsRefusedWhenItIsOursAndWarnedOfWhenItIsNot() {
        String url = TestDatabase.newDatabase();
        JdbcClient tests = JdbcClient.create(new DriverManagerDataSource(url));
        assumeThat(Durability.problems(Durability.settings(tests)))
                .as("the tests' shared server runs with fsync off for speed (not when ASSURE_TEST_DATABASE_URL is set)")
                .isNotEmpty();

        assertThatThrownBy(() -> new DurabilityCheck(new DriverManagerDataSource(url), true).afterPropertiesSet())
                .hasMessageContaining("The embedded PostgreSQL runs with fsync=off, synchronous_commit=off")
                .hasMessageContaining("will not start");
        // an operator's server: a warning in the log, and the app starts
        new DurabilityCheck(new DriverManagerDataSource(url), false).afterPropertiesSet();
    }

    private static JdbcClient owner(EmbeddedPostgresServer server) {
        return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.user(), ""));
    }

    private static Path pgData() {
        return dataDir.resolve("postgres");
    }

    private static long postmaster() throws IOException {
        return PostmasterPid.read(pgData()).orElseThrow().pid();
    }

    private static void writePostmasterPid(long pid) throws IOException {
        Files.writeString(
                pgData().resolve(PostmasterPid.FILE_NAME),
                pid + "\n" + pgData().toAbsolutePath()
                        + "\n1700000000\n5432\n/tmp\nlocalhost\n  5432001      7\nready   \n",
                StandardCharsets.US_ASCII);
    }

    /** pg_ctl start, as the library runs it (through unshare -U as root, which PostgreSQL refuses to run as). */
    private static long startOnItsOwn(Path bin) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(pgCtl(
                bin,
                "start",
                "-w",
                "-l",
                dataDir.resolve("orphan.log").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=localhost"));
        return postmaster();
    }

    private static List<String> pgCtl(Path bin, String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve("pg_ctl").toString());
        command.addAll(List.of("-D", pgData().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
