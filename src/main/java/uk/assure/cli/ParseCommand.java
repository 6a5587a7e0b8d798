package uk.assure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.importer.ImportException;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanJson;
import uk.assure.importer.PlanParsers;

/** Reads a plan document and prints what Assure makes of it as JSON; touches no database and starts no server. */
@Command(name = "parse", description = "Print the plan read from FILE as JSON (no database, no server).")
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a .txt, .tsv, .csv, .html, .docx or .xlsx plan")
    Path file;

    @Option(
            names = "--sheet",
            paramLabel = "SHEET",
            description = "for an Excel workbook, the sheet to read, by name or " + "number (default: the first)")
    String sheet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String name = file.getFileName().toString();
        try {
            ParsedPlan plan = PlanParsers.standard().parse(name, Files.readAllBytes(file), sheet);
            PrintWriter out = spec.commandLine().getOut();
            out.println(PlanJson.write(plan));
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("assure parse: " + file + ": no such file");
        } catch (IOException e) {
            err.println("assure parse: " + file + ": could not be read ("
                    + e.getClass().getSimpleName() + ")");
        } catch (ImportException e) {
            err.println("assure parse: " + e.getMessage());
        }
        err.flush();
        return 1;
    }
}
