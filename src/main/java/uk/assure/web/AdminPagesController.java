package uk.assure.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.Access;
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.account.UserAdmin;
import uk.assure.audit.AuditLog;
import uk.assure.partnership.DirectoryAdmin;
import uk.assure.partnership.DirectoryAdmin.Invalid;
import uk.assure.partnership.DirectoryAdmin.Kind;
import uk.assure.plan.NotFoundException;
import uk.assure.plan.PlanQueries;

/**
 * The admin's pages: agencies and bodies (with the other names plans use for them), people, user accounts (role,
 * agency, disable, a viewer's plans) and the audit log. Every handler asks {@link Access} first.
 */
@Controller
class AdminPagesController {

    static final int AUDIT_PAGE_SIZE = 50;

    private final Access access;
    private final DirectoryAdmin directory;
    private final UserAdmin users;
    private final AuditLog audit;
    private final PlanQueries plans;

    private final uk.assure.api.ApiTokens apiTokens;

    AdminPagesController(
            Access access,
            DirectoryAdmin directory,
            UserAdmin users,
            AuditLog audit,
            PlanQueries plans,
            uk.assure.api.ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
        this.access = access;
        this.directory = directory;
        this.users = users;
        this.audit = audit;
        this.plans = plans;
    }

    @GetMapping("/admin")
    String index(@AuthenticationPrincipal SignedInUser user) {
        admin(user);
        return "admin/index";
    }

    // --- agencies and bodies: the same page twice ---

    @GetMapping({"/admin/agencies", "/admin/bodies"})
    String named(
            @AuthenticationPrincipal SignedInUser user, jakarta.servlet.http.HttpServletRequest request, Model model) {
        admin(user);
        Kind kind = kind(request);
        model.addAttribute("kind", kind.name().toLowerCase());
        model.addAttribute("items", directory.list(user.partnershipId(), kind));
        return "admin/named-list";
    }

    @PostMapping({"/admin/agencies", "/admin/bodies"})
    String addNamed(
            @AuthenticationPrincipal SignedInUser user,
            jakarta.servlet.http.HttpServletRequest request,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        admin(user);
        Kind kind = kind(request);
        try {
            directory.save(
                    user.partnershipId(),
                    kind,
                    null,
                    form.get("name"),
                    form.get("shortName"),
                    DirectoryAdmin.lines(form.get("aliases")),
                    actor(user));
        } catch (Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return named(user, request, model);
        }
        redirect.addFlashAttribute("saved", form.get("name"));
        return "redirect:" + request.getRequestURI();
    }

    @GetMapping({"/admin/agencies/{id}", "/admin/bodies/{id}"})
    String editNamed(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        admin(user);
        Kind kind = kind(request);
        DirectoryAdmin.Named item =
                directory.find(user.partnershipId(), kind, id).orElseThrow(() -> new NotFoundException("Item"));
        model.addAttribute("kind", kind.name().toLowerCase());
        model.addAttribute("item", item);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "name",
                            item.name(),
                            "shortName",
                            item.shortName() == null ? "" : item.shortName(),
                            "aliases",
                            String.join("\n", item.aliases())));
        }
        return "admin/named-edit";
    }

    @PostMapping({"/admin/agencies/{id}", "/admin/bodies/{id}"})
    String saveNamed(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            jakarta.servlet.http.HttpServletRequest request,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        admin(user);
        Kind kind = kind(request);
        directory.find(user.partnershipId(), kind, id).orElseThrow(() -> new NotFoundException("Item"));
        try {
            directory.save(
                    user.partnershipId(),
                    kind,
                    id,
                    form.get("name"),
                    form.get("shortName"),
                    DirectoryAdmin.lines(form.get("aliases")),
                    actor(user));
        } catch (Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return editNamed(user, id, request, model);
        }
        redirect.addFlashAttribute("saved", form.get("name"));
        return "redirect:/admin/" + (kind == Kind.AGENCY ? "agencies" : "bodies");
    }

    // --- people ---

    @GetMapping("/admin/people")
    String people(@AuthenticationPrincipal SignedInUser user, Model model) {
        admin(user);
        model.addAttribute("people", directory.people(user.partnershipId()));
        model.addAttribute("agencies", directory.list(user.partnershipId(), Kind.AGENCY));
        return "admin/people";
    }

    @PostMapping("/admin/people")
    String addPerson(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        admin(user);
        try {
            directory.savePerson(
                    user.partnershipId(),
                    null,
                    form.get("name"),
                    form.get("jobTitle"),
                    form.get("email"),
                    form.get("agency"),
                    actor(user));
        } catch (Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return people(user, model);
        }
        redirect.addFlashAttribute("saved", form.get("name"));
        return "redirect:/admin/people";
    }

    @GetMapping("/admin/people/{personId}")
    String person(@AuthenticationPrincipal SignedInUser user, @PathVariable String personId, Model model) {
        admin(user);
        DirectoryAdmin.Person person =
                directory.person(user.partnershipId(), personId).orElseThrow(() -> new NotFoundException("Person"));
        model.addAttribute("person", person);
        model.addAttribute("agencies", directory.list(user.partnershipId(), Kind.AGENCY));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "name",
                            person.name(),
                            "jobTitle",
                            nonNull(person.jobTitle()),
                            "email",
                            nonNull(person.email()),
                            "agency",
                            nonNull(person.agencyExternalId())));
        }
        return "admin/person";
    }

    @PostMapping("/admin/people/{personId}")
    String savePerson(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String personId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        admin(user);
        directory.person(user.partnershipId(), personId).orElseThrow(() -> new NotFoundException("Person"));
        try {
            directory.savePerson(
                    user.partnershipId(),
                    personId,
                    form.get("name"),
                    form.get("jobTitle"),
                    form.get("email"),
                    form.get("agency"),
                    actor(user));
        } catch (Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return person(user, personId, model);
        }
        redirect.addFlashAttribute("saved", form.get("name"));
        return "redirect:/admin/people";
    }

    // --- users ---

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal SignedInUser user, Model model) {
        admin(user);
        model.addAttribute("accounts", users.accounts(user.partnershipId()));
        return "admin/users";
    }

    @GetMapping("/admin/users/{userId}")
    String account(@AuthenticationPrincipal SignedInUser user, @PathVariable String userId, Model model) {
        admin(user);
        UserAdmin.Account account =
                users.account(user.partnershipId(), userId).orElseThrow(() -> new NotFoundException("User"));
        model.addAttribute("account", account);
        model.addAttribute("self", account.externalId().equals(user.externalId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencies", directory.list(user.partnershipId(), Kind.AGENCY));
        model.addAttribute("grants", users.grants(user.partnershipId(), userId));
        model.addAttribute("apiTokens", apiTokens.of(user.partnershipId(), userId));
        model.addAttribute("plans", plans.listPlans(user.partnershipId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "role",
                            account.role().name(),
                            "agency",
                            nonNull(account.agencyExternalId()),
                            "enabled",
                            String.valueOf(account.enabled())));
        }
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", Map.of());
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{userId}")
    String saveAccount(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return changeAccount(user, userId, model, response, redirect, "saved", "form", form, () -> {
            Role role = parseRole(form.get("role"));
            String agency = form.get("agency");
            users.change(
                    user,
                    userId,
                    role,
                    directory.agencyId(user.partnershipId(), agency == null || agency.isBlank() ? null : agency),
                    !"false".equals(form.get("enabled")));
        });
    }

    @PostMapping("/admin/users/{userId}/two-step/reset")
    String resetTwoStep(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return changeAccount(
                user,
                userId,
                model,
                response,
                redirect,
                "twoStepReset",
                null,
                null,
                () -> users.resetTwoStep(user, userId));
    }

    @PostMapping("/admin/users/{userId}/grants")
    String grant(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return changeAccount(
                user,
                userId,
                model,
                response,
                redirect,
                "granted",
                "grantForm",
                form,
                () -> users.grant(user, userId, form.get("plan"), date(form)));
    }

    /**
     * A change to one account: made, and back to the account's page with its banner; or refused on its field, the
     * page shown again (400) with what was typed kept under {@code formName}.
     */
    private String changeAccount(
            SignedInUser user,
            String userId,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect,
            String banner,
            String formName,
            Map<String, String> form,
            Runnable change) {
        admin(user);
        users.account(user.partnershipId(), userId).orElseThrow(() -> new NotFoundException("User"));
        try {
            change.run();
        } catch (Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            if (formName != null) {
                model.addAttribute(formName, form);
            }
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return account(user, userId, model);
        }
        redirect.addFlashAttribute(banner, true);
        return "redirect:/admin/users/" + userId;
    }

    /** Ends a person's API token (someone leaving, a token seen where it should not be); audited with the admin. */
    @PostMapping("/admin/users/{userId}/api-tokens/{tokenId}/revoke")
    String revokeToken(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @PathVariable String tokenId,
            RedirectAttributes redirect) {
        admin(user);
        users.account(user.partnershipId(), userId).orElseThrow(() -> new NotFoundException("User"));
        if (!apiTokens.revoke(user, userId, tokenId)) {
            throw new NotFoundException("Token");
        }
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:/admin/users/" + userId + "#apiTokens";
    }

    @PostMapping("/admin/users/{userId}/grants/{planId}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String userId, @PathVariable String planId) {
        admin(user);
        users.account(user.partnershipId(), userId).orElseThrow(() -> new NotFoundException("User"));
        users.revoke(user, userId, planId);
        return "redirect:/admin/users/" + userId;
    }

    // --- audit log ---

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model) {
        admin(user);
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
                org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/audit")
                        .queryParamIfPresent("type", java.util.Optional.ofNullable(filter.type()))
                        .queryParamIfPresent("actor", java.util.Optional.ofNullable(filter.actor()))
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                        .encode()
                        .toUriString());
        return "admin/audit";
    }

    private void admin(SignedInUser user) {
        access.require(user, Access.Capability.ADMINISTER);
    }

    private static Kind kind(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/agencies") ? Kind.AGENCY : Kind.BODY;
    }

    private static DirectoryAdmin.Actor actor(SignedInUser user) {
        return new DirectoryAdmin.Actor(user.userId(), user.getUsername());
    }

    private static Role parseRole(String value) {
        try {
            return Role.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new Invalid("role", "Select a role");
        }
    }

    /** The GOV.UK date input's three fields. */
    private static LocalDate date(Map<String, String> form) {
        String d = nonNull(form.get("expiresDay")).strip();
        String m = nonNull(form.get("expiresMonth")).strip();
        String y = nonNull(form.get("expiresYear")).strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            throw new Invalid("expires", "The date access ends must be a real date, like 31 3 2027");
        }
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

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
