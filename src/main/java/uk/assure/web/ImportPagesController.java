package uk.assure.web;

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
import uk.assure.importer.FormatDetector;
import uk.assure.importer.ImportException;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PendingImports;
import uk.assure.importer.PlanImporter;
import uk.assure.importer.PlanParsers;
import uk.assure.plan.NotFoundException;
import uk.assure.system.AssureProperties;

/** Upload a plan document, see what Assure read from it, then confirm (one transaction) or cancel (nothing kept). */
@Controller
class ImportPagesController {

    private final uk.assure.account.Access access;

    private final PendingImports pending;
    private final PlanImporter importer;
    private final long maxBytes;

    ImportPagesController(
            PendingImports pending,
            PlanImporter importer,
            AssureProperties properties,
            uk.assure.account.Access access) {
        this.access = access;
        this.pending = pending;
        this.importer = importer;
        this.maxBytes = properties.uploadMaxBytes();
    }

    @GetMapping("/imports/new")
    String form(@AuthenticationPrincipal SignedInUser user) {
        requireAdmin(user);
        return "imports/new";
    }

    @PostMapping("/imports")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "sheet", required = false) String sheet,
            Model model) {
        requireAdmin(user);
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
            byte[] content = file.getBytes();
            FormatDetector.detect(name, content, maxBytes, sheet);
            ParsedPlan plan = PlanParsers.standard()
                    .parse(name, content, sheet == null || sheet.isBlank() ? null : sheet.strip());
            return "redirect:/imports/" + pending.hold(user.partnershipId(), user.userId(), name, plan);
        } catch (ImportException e) {
            return refuse(model, e.getMessage());
        } catch (IOException e) {
            return refuse(model, "The selected file could not be read. Try uploading it again");
        }
    }

    @GetMapping("/imports/{id}")
    String preview(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        requireAdmin(user);
        PendingImports.Pending held =
                pending.find(user.partnershipId(), id).orElseThrow(() -> new NotFoundException("Import"));
        model.addAttribute("pendingId", held.externalId());
        model.addAttribute("preview", importer.preview(user.partnershipId(), held.plan()));
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
        requireAdmin(user);
        Set<String> create = createAgency == null ? Set.of() : new HashSet<>(createAgency);
        Set<String> close = closeMissing == null ? Set.of() : new HashSet<>(closeMissing);
        var choice = new uk.assure.importer.PlanImporter.Choice("new".equals(mode), create, close);
        var created = pending.confirm(user.partnershipId(), id, choice, user.userId(), user.getUsername())
                .orElseThrow(() -> new NotFoundException("Import"));
        redirect.addFlashAttribute(created.updated() ? "updated" : "imported", true);
        if (created.updated()) {
            redirect.addFlashAttribute("updateCounts", List.of(created.matched(), created.added(), created.closed()));
        }
        return "redirect:/plans/" + created.externalId();
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        requireAdmin(user);
        if (!pending.cancel(user.partnershipId(), id)) {
            throw new NotFoundException("Import");
        }
        return "redirect:/plans";
    }

    private String refuse(Model model, String message) {
        String field = message.contains(": there is no sheet '") ? "sheet" : "file";
        model.addAttribute("errors", List.of(new FormError(field, message)));
        model.addAttribute(field + "Error", true);
        return "imports/new";
    }

    /** Importing is the business manager's job. */
    private void requireAdmin(SignedInUser user) {
        access.require(user, uk.assure.account.Access.Capability.IMPORT_PLANS);
    }
}
