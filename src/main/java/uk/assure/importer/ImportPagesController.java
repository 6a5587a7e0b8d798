package uk.assure.importer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.SignedInUser;
import uk.assure.system.AssureProperties;
import uk.assure.system.Message;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

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

    /** The sheet of a workbook to read, by name or number; the file comes as a part of its own. */
    record UploadForm(
            @Size(max = SHEET_MAX, message = "{import.error.sheet.long}") String sheet) {}

    /** Excel allows 31 characters in a sheet's name; this leaves room for spaces and quotes. */
    static final int SHEET_MAX = 100;

    @PostMapping("/imports")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Valid @ModelAttribute UploadForm form,
            BindingResult validation,
            Model model) {
        imports.requireImport(user);
        String sheet = form.sheet();
        model.addAttribute("sheet", sheet);
        List<FormError> errors = FormErrors.of(validation);
        if (file == null
                || file.isEmpty()
                || file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()) {
            errors.add(0, FormError.of("file", Message.of("import.error.file.missing")));
        } else if (file.getSize() > maxBytes) {
            errors.add(0, FormError.of("file", Message.of("import.error.file.tooLarge", maxBytes / (1024 * 1024))));
        }
        if (!errors.isEmpty()) {
            return refuse(model, errors);
        }
        String name = file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
        try {
            String chosenSheet = sheet == null || sheet.isBlank() ? null : sheet.strip();
            return "redirect:/imports/" + imports.read(user, name, file.getBytes(), maxBytes, chosenSheet);
        } catch (ImportException e) {
            // the reader's own report, naming the file and the place in it (the same words the command line prints)
            String field = e.getMessage().contains(": there is no sheet '") ? "sheet" : "file";
            return refuse(model, List.of(FormError.of(field, Message.of("import.error.document", e.getMessage()))));
        } catch (IOException e) {
            return refuse(model, List.of(FormError.of("file", Message.of("import.error.file.unreadable"))));
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

    /** The upload page again, each field's problem beside it: 200, as GOV.UK forms are. */
    private static String refuse(Model model, List<FormError> errors) {
        model.addAttribute("errors", errors);
        errors.forEach(e -> model.addAttribute(e.field() + "Error", true));
        return "imports/new";
    }
}
