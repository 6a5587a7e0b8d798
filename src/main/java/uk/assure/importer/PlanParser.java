package uk.assure.importer;

import java.util.List;

/**
 * document → reader (chosen by content) → blocks → the assembler that recognises the layout → parsed plan with
 * warnings. Needs no database and no Spring, so {@code assure parse FILE} runs without either.
 */
public final class PlanParser {

    private final List<PlanAssembler> assemblers;

    public PlanParser(List<PlanAssembler> assemblers) {
        this.assemblers = List.copyOf(assemblers);
    }

    public ParsedPlan parse(String fileName, byte[] content) {
        return parse(fileName, content, null);
    }

    /** @param sheet for a workbook, the sheet to read (name or 1-based number); null for the first */
    public ParsedPlan parse(String fileName, byte[] content, String sheet) {
        FormatDetector.Detected detected =
                FormatDetector.detect(fileName, content, FormatDetector.DEFAULT_MAX_BYTES, sheet);
        List<Block> blocks = detected.reader().read(fileName, content);
        for (PlanAssembler assembler : assemblers) {
            if (assembler.accepts(blocks)) {
                return assembler.assemble(fileName, detected.format(), blocks);
            }
        }
        throw new ImportException(fileName + ": no table of actions found. Assure looks for a row of column headings "
                + "such as 'Action', 'Lead', 'Timescale' and 'Progress'.");
    }
}
