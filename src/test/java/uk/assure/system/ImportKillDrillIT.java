package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.support.TestDatabase;

/**
 * {@code kill -9} of {@code assure import} in the middle of a 5,000-action plan: the import is one transaction, so
 * the database holds no part of the plan afterwards — no plan, section, finding, action or lead — and the same file
 * then imports whole. The jar runs as an operator runs it, against a database of the tests' server; the moment to
 * kill is when the import's transaction holds its lock on {@code action}, i.e. it is writing actions.
 *
 * <pre>./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportKillDrillIT</pre>
 */
class ImportKillDrillIT {

    private static final int SECTIONS = 50;
    private static final int ACTIONS_PER_SECTION = 100;

    @TempDir
    Path folder;

    @Test
    void killedInTheMiddleOfALargeImportTheDatabaseHoldsNoPartOfThePlan() throws Exception {
        String url = TestDatabase.newDatabase();
        JdbcClient owner = TestDatabase.asOwner(url);
        Map<String, String> settings = Map.of(
                "ASSURE_DATABASE_URL", url,
                "ASSURE_AUDIT_KEY", "56xE8Mp1nNcohG2xJuMA3sJ0ZqlyM+k/ygA2if9O8o0=",
                "ASSURE_AUDIT_CHECKPOINT_FILE",
                        folder.resolve("checkpoints.log").toString(),
                "ASSURE_DEMO_DATA", "false",
                "ASSURE_ADMIN_EMAIL", "import-drill@assure.local",
                "ASSURE_ADMIN_PASSWORD", "a password for the import drill");
        Path dataDir = folder.resolve("unused-data");
        Path plan = Files.writeString(folder.resolve("large-plan.tsv"), largePlan());
        // the first run (migrations, the first admin) first, so that the only writer below is the import
        Process first = RunningJar.start(dataDir, settings, folder.resolve("first.log"), "audit", "verify");
        assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue())
                .as(Files.readString(folder.resolve("first.log")))
                .isZero();
        Map<String, Long> before = counts(owner);

        Process importing = RunningJar.start(
                dataDir, settings, folder.resolve("import.log"), "import", "--create-agencies", plan.toString());
        Instant started = Instant.now();
        Instant writing = null;
        while (writing == null && importing.isAlive()) {
            if (writingActions(owner)) {
                writing = Instant.now();
            } else {
                Thread.sleep(5);
            }
        }
        assertThat(writing)
                .as("the import was seen writing actions before it ended: "
                        + Files.readString(folder.resolve("import.log")))
                .isNotNull();
        RunningJar.kill9(importing.pid());
        Instant killed = Instant.now();
        importing.waitFor(30, TimeUnit.SECONDS);
        awaitNoTransaction(owner);
        Map<String, Long> after = counts(owner);

        System.out.printf(
                "DRILL kill -9 of assure import of %,d actions (%d sections): import started %d ms before, seen "
                        + "writing actions, killed; rows after the kill: %s (before the import: %s)%n",
                SECTIONS * ACTIONS_PER_SECTION,
                SECTIONS,
                Duration.between(started, killed).toMillis(),
                after,
                before);
        assertThat(after).as("no part of the plan").isEqualTo(before);

        Process whole = RunningJar.start(
                dataDir, settings, folder.resolve("whole.log"), "import", "--create-agencies", plan.toString());
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(folder.resolve("whole.log"));
        assertThat(whole.exitValue()).as(log).isZero();
        assertThat(owner.sql("SELECT count(*) FROM action").query(Long.class).single())
                .as("the same file imports whole")
                .isEqualTo(SECTIONS * ACTIONS_PER_SECTION);
        System.out.printf(
                "DRILL the same file imported afterwards: %s%n",
                log.lines().filter(l -> l.startsWith("Imported")).findFirst().orElse(log));
    }

    private static String largePlan() {
        StringBuilder tsv = new StringBuilder("Testshire Safeguarding Partnership\nA very large improvement plan\n\n");
        for (int s = 1; s <= SECTIONS; s++) {
            tsv.append(s).append(". SECTION ").append(s).append("\n\n");
            tsv.append("Ref\tArea for improvement\tAction\tLead\tTimescale\tOversight & Monitoring\tExpected impact\t"
                    + "Progress\n");
            for (int a = 1; a <= ACTIONS_PER_SECTION; a++) {
                tsv.append(s)
                        .append('.')
                        .append(a)
                        .append('\t')
                        .append("Finding ")
                        .append(s)
                        .append('.')
                        .append(a)
                        .append(" is not yet addressed.\t")
                        .append("Do the work of action ")
                        .append(s)
                        .append('.')
                        .append(a)
                        .append(".\t")
                        .append(a % 2 == 0 ? "TCC" : "Police")
                        .append("\tMar.27\tPartnership Executive\t")
                        .append("Fewer gaps\tNot started\n");
            }
            tsv.append('\n');
        }
        return tsv.toString();
    }

    /** A transaction of this database holds the lock a writer of {@code action} takes: the import, writing. */
    private static boolean writingActions(JdbcClient owner) {
        return owner.sql("""
                        SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                          AND l.relation = to_regclass('public.action') AND l.mode = 'RowExclusiveLock'""").query(Long.class).single() > 0;
    }

    /** PostgreSQL notices the dead client and rolls its transaction back. */
    private static void awaitNoTransaction(JdbcClient owner) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            long open = owner.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL""").query(Long.class).single();
            if (open == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed import's transaction was still open after 60 s");
    }

    private static Map<String, Long> counts(JdbcClient owner) {
        return owner.sql("""
                        SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM section) AS sections,
                               (SELECT count(*) FROM finding) AS findings, (SELECT count(*) FROM action) AS actions,
                               (SELECT count(*) FROM action_lead) AS leads, (SELECT count(*) FROM agency) AS agencies,
                               (SELECT count(*) FROM audit_event WHERE event_type LIKE 'PLAN%') AS plan_events""")
                .query((rs, n) -> new TreeMap<>(Map.of(
                        "plans", rs.getLong("plans"),
                        "sections", rs.getLong("sections"),
                        "findings", rs.getLong("findings"),
                        "actions", rs.getLong("actions"),
                        "leads", rs.getLong("leads"),
                        "agencies", rs.getLong("agencies"),
                        "plan audit events", rs.getLong("plan_events"))))
                .single();
    }
}
