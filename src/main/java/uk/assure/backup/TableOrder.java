package uk.assure.backup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables in an order a restore can load them in: each after every table its foreign keys point at, so each
 * COPY finds the rows it refers to (a table pointing at itself is fine: PostgreSQL checks those at the end of the
 * COPY). Ties go alphabetically, so the same schema always gives the same order.
 */
final class TableOrder {

    private TableOrder() {}

    /** @param references each table's foreign keys: child → the tables it points at */
    static List<String> of(Collection<String> tables, Map<String, Set<String>> references) {
        Map<String, Set<String>> waitingFor = new TreeMap<>();
        for (String table : tables) {
            Set<String> parents = new TreeSet<>(references.getOrDefault(table, Set.of()));
            parents.remove(table);
            parents.retainAll(tables);
            waitingFor.put(table, parents);
        }
        List<String> order = new ArrayList<>();
        while (!waitingFor.isEmpty()) {
            String ready = waitingFor.entrySet().stream()
                    .filter(e -> e.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "The foreign keys between these tables go round in a circle, so no order loads them: "
                                    + waitingFor.keySet()));
            order.add(ready);
            waitingFor.remove(ready);
            waitingFor.values().forEach(parents -> parents.remove(ready));
        }
        return order;
    }
}
