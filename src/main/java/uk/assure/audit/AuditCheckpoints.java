package uk.assure.audit;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.assure.system.AssureProperties;
import uk.assure.system.Scope;

/**
 * While the app runs, writes the audit chain's head outside the database — to the log and appended to the
 * checkpoint file — at start and once the app is ready, every {@code ASSURE_AUDIT_CHECKPOINT_INTERVAL} when it has
 * moved, and at shutdown (after the web server has stopped taking requests) when this node wrote events since its
 * last one. At start it also refuses a key other than the chain's, and
 * says in the log when the database no longer holds what the newest checkpoint saw.
 */
@Component
@ConditionalOnWebApplication
class AuditCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final CheckpointFile file;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private volatile boolean running;
    private Checkpoint lastWritten;
    private volatile long recordedAtLastCheckpoint = -1;

    AuditCheckpoints(AuditLog audit, JdbcClient jdbc, AuditProperties properties, AssureProperties app) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.file = new CheckpointFile(properties.checkpointPath(app.dataDir()));
        this.interval = properties.checkpointInterval();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("ASSURE_AUDIT_CHECKPOINT_INTERVAL must be longer than nothing, e.g. 1h");
        }
    }

    @Override
    public void start() {
        audit.checkKey();
        compareWithTheNewestCheckpoint();
        checkpoint();
        timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "assure-audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(
                this::periodically, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * The last checkpoint, when this node has written events since the one before. Waited for briefly: with the
     * database already gone (the embedded server stops on the same signal) a connection would be waited for until
     * the pool's timeout, and shutdown must not hang on a checkpoint it cannot write.
     */
    @Override
    public void stop() {
        running = false;
        if (audit.recorded() == recordedAtLastCheckpoint) {
            timer.shutdownNow();
            return;
        }
        Future<?> last = timer.submit(() -> {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                log.warn("Could not write the audit checkpoint at shutdown: {}", e.toString());
            }
        });
        timer.shutdown();
        try {
            last.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("No audit checkpoint at shutdown: the database did not answer within {}", SHUTDOWN_WAIT);
        } catch (ExecutionException e) {
            log.warn(
                    "Could not write the audit checkpoint at shutdown: {}",
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
    }

    /** Once the first run and the other start-up work are done, so that their events are not left to the timer. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        periodically();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so that the last checkpoint follows the last request. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Writes the head when it differs from the last one written, and returns it. */
    synchronized Optional<Checkpoint> checkpoint() {
        long recorded = audit.recorded();
        Optional<Checkpoint> head = audit.head();
        if (head.isEmpty()) {
            log.error("The newest audit event has no hash: no checkpoint written. Run `assure audit verify`.");
            return head;
        }
        Checkpoint now = head.get();
        if (lastWritten != null
                && lastWritten.event() == now.event()
                && lastWritten.hash().equals(now.hash())) {
            return Optional.of(lastWritten);
        }
        file.append(now);
        lastWritten = now;
        log.info(
                "Audit checkpoint: chain {} keyed-from {} event {} hash {} (appended to {})",
                now.chain(),
                now.keyedFrom(),
                now.event(),
                now.hash(),
                file.path());
        return head;
    }

    private void periodically() {
        try {
            if (running) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            log.warn("Could not write the audit checkpoint: {}", e.toString());
        }
    }

    /** The newest checkpoint of this chain must still be in the database; the whole proof is `audit verify`. */
    private synchronized void compareWithTheNewestCheckpoint() {
        try {
            ChainStart start = ChainStart.read(jdbc)
                    .orElseThrow(() -> new IllegalStateException("The audit chain's record (audit_chain) is missing"));
            List<CheckpointFile.Line> lines = file.read();
            Optional<CheckpointFile.Line> newest = lines.stream()
                    .filter(line -> line.checkpoint().chain().equals(start.chain()))
                    .max(Comparator.comparingLong(line -> line.checkpoint().event()));
            if (newest.isEmpty()) {
                if (!lines.isEmpty()) {
                    log.error(
                            "The audit checkpoints in {} are of another audit log, not this database's (chain {}). "
                                    + "Run `assure audit verify`.",
                            file.path(),
                            start.chain());
                }
                return;
            }
            Checkpoint seen = newest.get().checkpoint();
            String stored = seen.event() == 0
                    ? start.anchor()
                    : Scope.everyPartnership(() -> jdbc.sql("SELECT hash FROM audit_event WHERE id = ?")
                            .param(seen.event())
                            .query(String.class)
                            .optional()
                            .orElse(null));
            if (!seen.hash().equals(stored)) {
                log.error(
                        "The audit log no longer holds what its newest checkpoint saw (event {} with hash {}, line {} "
                                + "of {}): events were removed or changed. Run `assure audit verify`.",
                        seen.event(),
                        seen.hash(),
                        newest.get().number(),
                        file.path());
            } else {
                lastWritten = seen;
            }
        } catch (AuditVerification.CannotVerify e) {
            log.error("The audit checkpoints cannot be read: {}", e.getMessage());
        }
    }
}
