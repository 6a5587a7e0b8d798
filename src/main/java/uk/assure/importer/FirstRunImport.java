package uk.assure.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.assure.partnership.FirstRunCompleted;
import uk.assure.system.AssureProperties;
import uk.assure.system.Scope;

/**
 * On the first run only, imports every plan document in the folder {@code ASSURE_FIRST_RUN_IMPORT} names (its own
 * files, not sub-folders) into the first partnership, each in its own transaction, leads kept as written. A file
 * that cannot be read is logged with the reason and skipped; the others still land.
 */
@Component
class FirstRunImport {

    private static final Logger log = LoggerFactory.getLogger(FirstRunImport.class);
    private static final Set<String> EXTENSIONS = Set.of("txt", "tsv", "csv", "html", "htm", "docx", "xlsx");

    private final AssureProperties properties;
    private final PlanImporter importer;

    FirstRunImport(AssureProperties properties, PlanImporter importer) {
        this.properties = properties;
        this.importer = importer;
    }

    @EventListener
    void importFolder(FirstRunCompleted firstRun) {
        String folder = properties.firstRunImport();
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            log.warn("ASSURE_FIRST_RUN_IMPORT: {} is not a folder; nothing imported", dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(FirstRunImport::isPlanDocument)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("ASSURE_FIRST_RUN_IMPORT: {} could not be listed: {}", dir.toAbsolutePath(), e.getMessage());
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                ParsedPlan parsed = PlanParsers.standard().parse(name, Files.readAllBytes(file));
                try (var scope = Scope.partnership(firstRun.partnershipId())) {
                    PlanImporter.Committed created = importer.commit(
                            firstRun.partnershipId(), parsed, new PlanImporter.Choice(true, Set.of(), Set.of()));
                    importer.audit(
                            firstRun.partnershipId(), null, "first run (ASSURE_FIRST_RUN_IMPORT)", parsed, created);
                }
                log.info(
                        "First run: imported {} ({} actions, {} warnings)",
                        name,
                        parsed.actions().size(),
                        parsed.warnings().size());
            } catch (ImportException e) {
                log.warn("First run: not imported: {}", e.getMessage());
            } catch (IOException e) {
                log.warn("First run: {} could not be read: {}", name, e.getMessage());
            }
        }
    }

    private static boolean isPlanDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && !name.equals("readme.md");
    }
}
