package uk.assure.importer;

import java.util.List;

/** Turns a document's blocks into a plan: one per kind of layout (tables; PDF text whose columns became lines). */
interface PlanAssembler {

    /** True when this assembler recognises the layout, e.g. a header row naming an action column. */
    boolean accepts(List<Block> blocks);

    ParsedPlan assemble(String fileName, String format, List<Block> blocks);
}
