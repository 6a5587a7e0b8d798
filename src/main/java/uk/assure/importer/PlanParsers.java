package uk.assure.importer;

import java.util.List;

/** The parser with every layout Assure reads, tried in this order. */
public final class PlanParsers {

    private PlanParsers() {}

    public static PlanParser standard() {
        return new PlanParser(List.of(new TableAssembler(), new ColumnTextAssembler()));
    }
}
