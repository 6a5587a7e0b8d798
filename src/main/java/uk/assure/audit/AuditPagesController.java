package uk.assure.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.system.Actor;

/**
 * Manage → Audit log: the partnership's events, filtered by what, who and when. Admins only: the rule is checked
 * by Spring Security before the method runs, and a refusal is audited and explained like any other.
 */
@Controller
class AuditPagesController {

    static final int AUDIT_PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPagesController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@AuthenticationPrincipal Actor user, @RequestParam Map<String, String> params, Model model) {
        LocalDate from = day(params.get("from"));
        LocalDate to = day(params.get("to"));
        AuditLog.Filter filter = new AuditLog.Filter(blank(params.get("type")), blank(params.get("actor")), from, to);
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(params.getOrDefault("page", "1")));
        } catch (NumberFormatException ignored) {
            // the first page
        }
        model.addAttribute("filter", filter);
        model.addAttribute("types", audit.types(user.partnershipId()));
        model.addAttribute("events", audit.list(user.partnershipId(), filter, page, AUDIT_PAGE_SIZE));
        model.addAttribute(
                "query",
                UriComponentsBuilder.fromPath("/admin/audit")
                        .queryParamIfPresent("type", Optional.ofNullable(filter.type()))
                        .queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
                        .queryParamIfPresent("from", Optional.ofNullable(from))
                        .queryParamIfPresent("to", Optional.ofNullable(to))
                        .encode()
                        .toUriString());
        return "admin/audit";
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
