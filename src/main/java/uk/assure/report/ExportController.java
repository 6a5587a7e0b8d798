package uk.assure.report;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.assure.account.SignedInUser;

/**
 * A plan's downloads, linked from its page ("Download this plan as…") and from the Reports page. {@link PlanExports}
 * decides access before it reads: a plan the person may not read is "not found", as on its page.
 */
@Controller
class ExportController {

    private final PlanExports exports;

    ExportController(PlanExports exports) {
        this.exports = exports;
    }

    @GetMapping("/plans/{planId}/export.docx")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return exports.export(user, planId, PlanExports.Format.DOCX).response();
    }

    @GetMapping("/plans/{planId}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return exports.export(user, planId, PlanExports.Format.XLSX).response();
    }

    @GetMapping("/plans/{planId}/export.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return exports.export(user, planId, PlanExports.Format.CSV).response();
    }

    @GetMapping("/plans/{planId}/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return exports.export(user, planId, PlanExports.Format.PDF).response();
    }

    @GetMapping("/plans/{planId}/export.json")
    ResponseEntity<byte[]> json(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return exports.export(user, planId, PlanExports.Format.JSON).response();
    }
}
