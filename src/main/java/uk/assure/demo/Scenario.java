package uk.assure.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.assure.plan.Rag;

/** Where a demo action is built to stand today, so that every RAG state appears on whatever day the demo loads. */
enum Scenario {
    /** Finished, at some point in the last year. */
    COMPLETED(Rag.COMPLETED),
    /** Started, and its current due date has passed. */
    RED(Rag.RED),
    /** Not started, due within the warning window. */
    AMBER_DUE_SOON(Rag.AMBER),
    /** Started, not yet due, with no update for longer than the stale window. */
    AMBER_STALE(Rag.AMBER),
    /** Started, not yet due, updated recently. */
    GREEN(Rag.GREEN),
    /** Closed with a reason before it was finished. */
    CLOSED(Rag.CLOSED),
    /** Replaced by other work, with a reason. */
    SUPERSEDED(Rag.CLOSED);

    private final Rag rag;

    Scenario(Rag rag) {
        this.rag = rag;
    }

    Rag rag() {
        return rag;
    }

    /**
     * Each scenario as many times as asked, in the enum's order whatever the map's order: a {@code Map.of} iterates in
     * an order that changes from run to run, and the demo must be the same on every run.
     */
    static List<Scenario> mix(Map<Scenario, Integer> counts) {
        List<Scenario> all = new ArrayList<>();
        new EnumMap<>(counts).forEach((scenario, count) -> all.addAll(Collections.nCopies(count, scenario)));
        return all;
    }
}
