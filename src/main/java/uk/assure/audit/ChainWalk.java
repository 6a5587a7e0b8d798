package uk.assure.audit;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.assure.audit.AuditLog.Break;

/**
 * Walks the audit events in order, each given once, and names the first that does not fit: no hash where the chain
 * has begun, not following the event before it, a hash its content (and the key, from the keyed chain's start on)
 * does not give, or not what a checkpoint saw. Checkpoints whose event is gone — skipped over, or beyond the newest
 * event — are named too, at the end of the walk for those beyond.
 */
final class ChainWalk {

    private final ChainStart start;
    private final AuditKey key;
    private final Path file;
    private final Deque<CheckpointFile.Line> pending;
    private String previous;
    private long lastId;
    private boolean hashedSeen;
    private long events;
    private long first;
    private int matched;
    private Checkpoint newestMatched;

    /**
     * {@code before} is the event before the first to be walked, when the walk starts part way ({@code --since}):
     * its stored hash is what the first must follow. Checkpoints of events before the walk are not looked at.
     */
    ChainWalk(ChainStart start, AuditKey key, Path file, List<CheckpointFile.Line> checkpoints, Before before) {
        this.start = start;
        this.key = key;
        this.file = file;
        this.pending = new ArrayDeque<>(checkpoints.stream()
                .filter(line -> line.checkpoint().event() > before.id())
                .sorted(Comparator.comparingLong(line -> line.checkpoint().event()))
                .toList());
        this.previous = before.hash();
        this.lastId = before.id();
        this.hashedSeen = before.hash() != null;
    }

    /** The event before a walk's first: none (id 0) for a walk from the start. */
    record Before(long id, String hash) {
        static final Before NONE = new Before(0, null);
    }

    Optional<Break> next(ChainedEvent e) {
        Optional<Break> broken = missingCheckpointBefore(e.id());
        if (broken.isEmpty()) {
            broken = e.id() < start.keyedFrom() ? unkeyed(e) : lastId < start.keyedFrom() ? firstKeyed(e) : keyed(e);
        }
        if (broken.isEmpty()) {
            broken = checkpointsAt(e);
        }
        if (broken.isPresent()) {
            return broken;
        }
        previous = e.hash();
        lastId = e.id();
        hashedSeen |= e.hash() != null;
        if (events++ == 0) {
            first = e.id();
        }
        return Optional.empty();
    }

    /** After the last event: checkpoints of events beyond it, and an unkeyed chain that no longer meets its anchor. */
    Optional<Break> end() {
        CheckpointFile.Line beyond = pending.peekFirst();
        if (beyond != null) {
            Checkpoint c = beyond.checkpoint();
            String now = events == 0 && lastId == 0 ? "the log holds no events" : "the log ends at event " + lastId;
            return Optional.of(new Break(
                    c.event(),
                    "it is missing: " + now + ", but " + seenBy(beyond) + " saw event " + c.event()
                            + ". The newest events were removed, or the database was restored from a backup older "
                            + "than that checkpoint"));
        }
        if (lastId > 0
                && lastId < start.keyedFrom()
                && hashedSeen
                && !start.anchor().equals(previous)) {
            return Optional.of(anchorMissed());
        }
        return Optional.empty();
    }

    long events() {
        return events;
    }

    long first() {
        return first;
    }

    long last() {
        return events == 0 ? 0 : lastId;
    }

    int matched() {
        return matched;
    }

    Checkpoint newestMatched() {
        return newestMatched;
    }

    private Optional<Break> unkeyed(ChainedEvent e) {
        if (e.hash() == null) {
            return hashedSeen
                    ? Optional.of(new Break(
                            e.id(),
                            "it has no hash, though the chain had begun before it: its hash "
                                    + "was removed, or the event was added afterwards"))
                    : Optional.empty(); // written before the chain began (V7)
        }
        if (!Objects.equals(previous, e.previousHash())) {
            return Optional.of(doesNotFollow(e));
        }
        if (!ChainedEvent.unkeyedHash(e.content()).equals(e.hash())) {
            return Optional.of(new Break(e.id(), "its content was changed after it was written"));
        }
        return Optional.empty();
    }

    /** The first keyed event follows the anchor, which is where the unkeyed chain before it ended. */
    private Optional<Break> firstKeyed(ChainedEvent e) {
        Optional<Break> own = signed(e);
        if (own.isPresent()) {
            return own;
        }
        if (!start.anchor().equals(e.previousHash())) {
            return Optional.of(new Break(
                    e.id(),
                    "it does not follow the anchor the keyed chain starts from: events before it were removed, "
                            + "or the chain's record (audit_chain) was changed"));
        }
        String before = hashedSeen ? previous : start.genesis();
        if (!start.anchor().equals(before)) {
            return Optional.of(
                    lastId > 0
                            ? anchorMissed()
                            : new Break(
                                    e.id(),
                                    "it follows a hash no event before it has: the events before the keyed chain "
                                            + "were removed"));
        }
        return Optional.empty();
    }

    private Optional<Break> keyed(ChainedEvent e) {
        if (e.hash() != null && !Objects.equals(previous, e.previousHash())) {
            return Optional.of(doesNotFollow(e));
        }
        return signed(e);
    }

    private Optional<Break> signed(ChainedEvent e) {
        if (e.hash() == null) {
            return Optional.of(new Break(
                    e.id(), "it has no hash, and every event of the keyed chain has one: its " + "hash was removed"));
        }
        if (!key.sign(e.content()).equals(e.hash())) {
            String wrongKey = start.keyCheck() != null && !start.keyCheck().equals(key.check())
                    ? " (and the key given, from " + key.source() + ", is not the one this log was written with)"
                    : "";
            return Optional.of(new Break(
                    e.id(),
                    "its HMAC does not match: it was changed after it was written, or its hash was made without the "
                            + "audit key" + wrongKey));
        }
        return Optional.empty();
    }

    private Break doesNotFollow(ChainedEvent e) {
        return new Break(
                e.id(),
                "it does not follow the event before it (one was removed, added or reordered, or its hash changed)");
    }

    private Break anchorMissed() {
        return new Break(
                lastId,
                "the unkeyed events up to it no longer end in the hash the keyed chain was anchored on at event "
                        + start.keyedFrom() + ": an event up to this one was changed, added or removed, and the "
                        + "unkeyed hashes recomputed");
    }

    private Optional<Break> missingCheckpointBefore(long id) {
        CheckpointFile.Line line = pending.peekFirst();
        if (line != null && line.checkpoint().event() < id) {
            return Optional.of(new Break(
                    line.checkpoint().event(),
                    "it is missing: " + seenBy(line) + " saw it, but the log goes from event " + lastId + " to event "
                            + id + ". It was removed"));
        }
        return Optional.empty();
    }

    private Optional<Break> checkpointsAt(ChainedEvent e) {
        while (!pending.isEmpty() && pending.peekFirst().checkpoint().event() == e.id()) {
            CheckpointFile.Line line = pending.removeFirst();
            if (!line.checkpoint().hash().equals(e.hash())) {
                return Optional.of(new Break(
                        e.id(),
                        "its hash is not the one " + seenBy(line) + " saw: the event was changed after that "
                                + "checkpoint, and the chain recomputed"));
            }
            matched++;
            newestMatched = line.checkpoint();
        }
        return Optional.empty();
    }

    private String seenBy(CheckpointFile.Line line) {
        return "the checkpoint of " + line.checkpoint().at() + " (line " + line.number() + " of " + file + ")";
    }
}
