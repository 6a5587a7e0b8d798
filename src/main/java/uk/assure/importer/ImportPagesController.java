package uk.assure.importer;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.SignedInUser;
import uk.assure.system.AssureProperties;
import uk.assure.web.FormError;

/** Upload a plan document, see what Assure read from it, then confirm (one transaction) or cancel (nothing kept). */
@Controller
class ImportPagesController {

    private final PlanImports imports;
    private final long maxBytes;

    ImportPagesController(PlanImports imports, AssureProperties properties) {
        this.imports = imports;
        this.maxBytes = properties.uploadMaxBytes();
    }

    @GetMapping("/imports/new")
    String form(@AuthenticationPrincipal SignedInUser user) {
        imports.requireImport(user);
        return "imports/new";
    }

    @PostMapping("/imports")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "sheet", required = false) String sheet,
            Model model) {
        imports.requireImport(user);
        model.addAttribute("sheet", sheet);
        if (file == null
                || file.isEmpty()
                || file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()) {
            return refuse(model, "Select a plan to upload");
        }
        String name = file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
        if (file.getSize() > maxBytes) {
            return refuse(model, "The file must be " + maxBytes / (1024 * 1024) + " MB or smaller");
        }
        try {
            String chosenSheet = sheet == null || sheet.isBlank() ? null : sheet.strip();
            return "redirect:/imports/" + imports.read(user, name, file.getBytes(), maxBytes, chosenSheet);
        } catch (ImportException e) {
            return refuse(model, e.getMessage());
        } catch (IOException e) {
            return refuse(model, "The selected file could not be read. Try uploading it again");
        }
    }

    @GetMapping("/imports/{id}")
    String preview(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("preview", imports.preview(user, id));
        model.addAttribute("pendingId", id);
        return "imports/preview";
    }

    @PostMapping("/imports/{id}/confirm")
    String confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "createAgency", required = false) List<String> createAgency,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "closeMissing", required = false) List<String> closeMissing,
            RedirectAttributes redirect) {
        Set<String> create = createAgency == null ? Set.of() : new HashSet<>(createAgency);
        Set<String> close = closeMissing == null ? Set.of() : new HashSet<>(closeMissing);
        var choice = new PlanImporter.Choice("new".equals(mode), create, close);
        PlanImporter.Committed created = imports.confirm(user, id, choice);
        redirect.addFlashAttribute(created.updated() ? "updated" : "imported", true);
        if (created.updated()) {
            redirect.addFlashAttribute("updateCounts", List.of(created.matched(), created.added(), created.closed()));
        }
        return "redirect:/plans/" + created.externalId();
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        imports.cancel(user, id);
        return "redirect:/plans";
    }

    private String refuse(Model model, String message) {
        String field = message.contains(": there is no sheet '") ? "sheet" : "file";
        model.addAttribute("errors", List.of(new FormError(field, message)));
        model.addAttribute(field + "Error", true);
        return "imports/new";
    }
}
