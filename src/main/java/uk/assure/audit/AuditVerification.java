package uk.assure.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog.Break;
import uk.assure.system.AssureProperties;

/**
 * {@code assure audit verify}: walks the whole audit chain (or from an event on), checking each event's hash with
 * the key and its link to the one before, and checks it against the checkpoints written outside the database, so
 * that removing the newest events, or rewriting any, is named. Reads in one snapshot, a page of events at a time.
 */
@Service
public class AuditVerification {

    private static final int PAGE = 2000;

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final Path checkpointFile;

    @Autowired
    AuditVerification(JdbcClient jdbc, AuditKey key, AuditProperties audit, AssureProperties app) {
        this(jdbc, key, audit.checkpointPath(app.dataDir()));
    }

    AuditVerification(JdbcClient jdbc, AuditKey key, Path checkpointFile) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpointFile = checkpointFile;
    }

    /** The checkpoint file the app writes to (ASSURE_AUDIT_CHECKPOINT_FILE), read when no other is named. */
    public Path checkpointFile() {
        return checkpointFile;
    }

    /** Nothing can be concluded: the checkpoint file cannot be read, or holds a line that is not a checkpoint. */
    public static final class CannotVerify extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotVerify(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What was checked and the first event that fails, if any. {@code first} and {@code last} are 0 when no event was
     * checked; {@code newestCheckpoint} is null when none matched.
     */
    public record Report(
            UUID chain,
            long keyedFrom,
            Long since,
            long events,
            long first,
            long last,
            Path checkpointFile,
            boolean checkpointFileFound,
            int checkpointsMatched,
            Checkpoint newestCheckpoint,
            Break failure) {

        public Optional<Break> broken() {
            return Optional.ofNullable(failure);
        }
    }

    /**
     * Checks the chain from event {@code since} (every event when null) against the checkpoints in {@code file} (the
     * configured one when null).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report verify(Long since, Path file) {
        CheckpointFile checkpoints = new CheckpointFile(file == null ? checkpointFile : file);
        List<CheckpointFile.Line> lines = checkpoints.read();
        Optional<ChainStart> chainStart = ChainStart.read(jdbc);
        if (chainStart.isEmpty()) {
            return report(
                    null,
                    null,
                    since,
                    checkpoints,
                    new Break(
                            0,
                            "the record of where the keyed chain starts (the table audit_chain) is missing: "
                                    + "it was removed"));
        }
        ChainStart start = chainStart.get();
        Optional<Break> foreign = foreign(start, lines, checkpoints.path());
        if (foreign.isPresent()) {
            return report(start, null, since, checkpoints, foreign.get());
        }
        ChainWalk walk = new ChainWalk(start, key, checkpoints.path(), lines, before(since));
        long after = since == null ? 0 : since - 1;
        Break broken = null;
        while (broken == null) {
            List<ChainedEvent> page = jdbc.sql("SELECT " + ChainedEvent.COLUMNS
                            + " FROM audit_event WHERE id > ? ORDER BY id LIMIT " + PAGE)
                    .param(after)
                    .query((rs, n) -> ChainedEvent.read(rs))
                    .list();
            for (ChainedEvent e : page) {
                broken = walk.next(e).orElse(null);
                if (broken != null) {
                    break;
                }
                after = e.id();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (broken == null) {
            broken = walk.end().orElse(null);
        }
        return report(start, walk, since, checkpoints, broken);
    }

    /** Every checkpoint must be of this database's chain, and agree on where its keyed part starts. */
    private static Optional<Break> foreign(ChainStart start, List<CheckpointFile.Line> lines, Path file) {
        for (CheckpointFile.Line line : lines) {
            Checkpoint c = line.checkpoint();
            if (!c.chain().equals(start.chain())) {
                return Optional.of(new Break(
                        0,
                        "line " + line.number() + " of " + file + " is a checkpoint of another audit log (chain "
                                + c.chain() + "; this database's is " + start.chain() + "): the file belongs to "
                                + "another installation, or this database's audit log was replaced"));
            }
            if (c.keyedFrom() != start.keyedFrom()) {
                return Optional.of(new Break(
                        0,
                        "the database says the keyed chain starts at event " + start.keyedFrom() + ", but line "
                                + line.number() + " of " + file + " says at event " + c.keyedFrom()
                                + ": the chain's record (audit_chain) was changed"));
            }
            if (c.event() == 0 && !c.hash().equals(start.anchor())) {
                return Optional.of(new Break(
                        0,
                        "line " + line.number() + " of " + file + " saw the keyed chain start from another anchor: "
                                + "the chain's record (audit_chain) was changed"));
            }
        }
        return Optional.empty();
    }

    private ChainWalk.Before before(Long since) {
        if (since == null) {
            return ChainWalk.Before.NONE;
        }
        return jdbc.sql("SELECT id, hash FROM audit_event WHERE id < ? ORDER BY id DESC LIMIT 1")
                .param(since)
                .query((rs, n) -> new ChainWalk.Before(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(ChainWalk.Before.NONE);
    }

    private static Report report(
            ChainStart start, ChainWalk walk, Long since, CheckpointFile checkpoints, Break broken) {
        return new Report(
                start == null ? null : start.chain(),
                start == null ? 0 : start.keyedFrom(),
                since,
                walk == null ? 0 : walk.events(),
                walk == null ? 0 : walk.first(),
                walk == null ? 0 : walk.last(),
                checkpoints.path(),
                checkpoints.exists(),
                walk == null ? 0 : walk.matched(),
                walk == null ? null : walk.newestMatched(),
                broken);
    }
}
