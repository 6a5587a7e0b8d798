package uk.assure.report;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;
import uk.assure.system.Message;

/** Evidence for inspectors: a page to choose findings, and the bundle as a zip or its PDF alone. */
@Controller
class EvidenceBundleController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final EvidenceBundles bundles;
    private final PackFiles files;

    EvidenceBundleController(EvidenceBundles bundles, PackFiles files) {
        this.bundles = bundles;
        this.files = files;
    }

    @GetMapping("/plans/{planId}/evidence-bundle")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId, Model model) {
        model.addAttribute("planId", planId);
        model.addAttribute("planTitle", bundles.planTitle(user, planId));
        model.addAttribute("findings", bundles.findings(user, planId));
        return "reports/evidence";
    }

    @GetMapping("/plans/{planId}/evidence-bundle.zip")
    ResponseEntity<byte[]> zip(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @RequestParam(name = "finding", required = false) List<String> findings) {
        return ReportPagesController.download(bundles.zip(user, planId, findings), ZIP, name(planId, "zip"));
    }

    @GetMapping("/plans/{planId}/evidence-bundle.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @RequestParam(name = "finding", required = false) List<String> findings) {
        return ReportPagesController.download(
                bundles.pdf(user, planId, findings), MediaType.APPLICATION_PDF, name(planId, "pdf"));
    }

    private String name(String planId, String extension) {
        return files.words().of(Message.of("bundle.file.zip", planId)) + "." + extension;
    }
}
