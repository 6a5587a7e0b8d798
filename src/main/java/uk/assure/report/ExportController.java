package uk.assure.report;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.assure.account.SignedInUser;
import uk.assure.system.NotFoundException;

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

    @GetMapping("/plans/{planId}/export.{format}")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String planId, @PathVariable String format) {
        PlanExports.Format chosen = PlanExports.Format.named(format).orElseThrow(() -> new NotFoundException("Format"));
        return exports.export(user, planId, chosen).response();
    }
}
