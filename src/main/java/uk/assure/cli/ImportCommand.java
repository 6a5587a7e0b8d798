package uk.assure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.AssureApplication;
import uk.assure.importer.ImportException;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanImporter;
import uk.assure.importer.PlanParsers;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.system.Scope;

/** Imports a plan document into a partnership's database, in one transaction; starts no web server. */
@Command(name = "import", description = "Import the plan in FILE into the database (the same one the app uses).")
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a .txt, .tsv, .csv, .html, .docx or .xlsx plan")
    Path file;

    @Option(names = "--partnership", description = "the partnership's name (default: the first partnership)")
    String partnership;

    @Option(names = "--create-agencies", description = "create an agency for each lead that matches none")
    boolean createAgencies;

    @Option(names = "--as-new", description = "import as a separate plan even when one with the same title is held")
    boolean asNew;

    @Option(
            names = "--close-missing",
            description = "when updating a held plan, close its actions that are not in "
                    + "this version as superseded (without it they are listed and kept)")
    boolean closeMissing;

    @Option(
            names = "--sheet",
            paramLabel = "SHEET",
            description = "for an Excel workbook, the sheet to read, by name or " + "number (default: the first)")
    String sheet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParsedPlan parsed;
        try {
            parsed = PlanParsers.standard().parse(file.getFileName().toString(), Files.readAllBytes(file), sheet);
        } catch (IOException e) {
            err.println("assure import: " + file + ": could not be read");
            return 1;
        } catch (ImportException e) {
            err.println("assure import: " + e.getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off")) {
            PartnershipDirectory directory = app.getBean(PartnershipDirectory.class);
            // the partnership is found by name across all of them; the import itself sees only that one
            var found = Scope.everyPartnership(
                    () -> partnership == null ? directory.firstPartnership() : directory.findPartnership(partnership));
            if (found.isEmpty()) {
                err.println("assure import: no partnership" + (partnership == null ? "" : " called " + partnership));
                return 1;
            }
            try (var scope = Scope.partnership(found.get().id())) {
                return importInto(app, found.get(), parsed, out);
            }
        }
    }

    private int importInto(
            ConfigurableApplicationContext app,
            PartnershipDirectory.Partnership target,
            ParsedPlan parsed,
            PrintWriter out) {
        PlanImporter importer = app.getBean(PlanImporter.class);
        PlanImporter.Preview preview = importer.preview(target.id(), parsed);
        Set<String> create = new LinkedHashSet<>();
        for (PlanImporter.LeadMatch lead : preview.leads()) {
            out.println(
                    (lead.known()
                            ? "  lead     " + lead.written() + " -> " + lead.agencyName()
                            : "  unknown  " + lead.written() + (createAgencies ? " (created)" : " (kept as text)")));
            if (!lead.known() && createAgencies) {
                create.add(lead.written());
            }
        }
        parsed.warnings().forEach(w -> out.println("  warning  " + w.location() + ": " + w.message()));
        PlanImporter.Update update = asNew ? null : preview.update();
        Set<String> close = new LinkedHashSet<>();
        if (update != null) {
            for (var missing : update.match().missing()) {
                out.println("  missing  " + (missing.ref() == null ? "" : missing.ref() + " ") + missing.text()
                        + (closeMissing ? " (closed as superseded)" : " (kept)"));
                if (closeMissing) {
                    close.add(missing.externalId());
                }
            }
        }
        PlanImporter.Committed created =
                importer.commit(target.id(), parsed, new PlanImporter.Choice(asNew, create, close));
        importer.audit(target.id(), null, "assure import (command line)", parsed, created);
        if (created.updated()) {
            out.printf(
                    "Updated \"%s\" in %s to %s: %d actions kept with their history, %d added, %d closed, plan %s%n",
                    parsed.title(),
                    target.name(),
                    parsed.versionLabel() == null ? parsed.file() : parsed.versionLabel(),
                    created.matched(),
                    created.added(),
                    created.closed(),
                    created.externalId());
        } else {
            out.printf(
                    "Imported \"%s\" into %s: %d sections, %d findings, %d actions, plan %s%n",
                    parsed.title(),
                    target.name(),
                    parsed.sections().size(),
                    parsed.findings().size(),
                    parsed.actions().size(),
                    created.externalId());
        }
        out.flush();
        return 0;
    }
}
