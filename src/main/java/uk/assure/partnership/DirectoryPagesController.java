package uk.assure.partnership;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import uk.assure.account.SignedInUser;
import uk.assure.partnership.DirectoryAdmin.Kind;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;

/**
 * Manage: its front page, agencies and bodies (with the other names plans use for them) and people. Every handler
 * asks {@link Access} first.
 */
@Controller
class DirectoryPagesController {

    private final DirectoryAdmin directory;

    DirectoryPagesController(DirectoryAdmin directory) {
        this.directory = directory;
    }

    @GetMapping("/admin")
    String index(@AuthenticationPrincipal SignedInUser user) {
        directory.administer(user);
        return "admin/index";
    }

    // --- agencies and bodies: the same page twice ---

    @GetMapping({"/admin/agencies", "/admin/bodies"})
    String named(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        Kind kind = kind(request);
        model.addAttribute("kind", kind.name().toLowerCase());
        model.addAttribute("items", directory.list(user, kind));
        return "admin/named-list";
    }

    @PostMapping({"/admin/agencies", "/admin/bodies"})
    String addNamed(
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Kind kind = kind(request);
        try {
            directory.save(
                    user,
                    kind,
                    null,
                    form.get("name"),
                    form.get("shortName"),
                    DirectoryAdmin.lines(form.get("aliases")));
        } catch (InvalidInput e) {
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
            HttpServletRequest request,
            Model model) {
        Kind kind = kind(request);
        DirectoryAdmin.Named item = directory.find(user, kind, id).orElseThrow(() -> new NotFoundException("Item"));
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
            HttpServletRequest request,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Kind kind = kind(request);
        if (directory.find(user, kind, id).isEmpty()) {
            throw new NotFoundException("Item");
        }
        try {
            directory.save(
                    user, kind, id, form.get("name"), form.get("shortName"), DirectoryAdmin.lines(form.get("aliases")));
        } catch (InvalidInput e) {
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
        model.addAttribute("people", directory.people(user));
        model.addAttribute("agencies", directory.list(user, Kind.AGENCY));
        return "admin/people";
    }

    @PostMapping("/admin/people")
    String addPerson(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            directory.savePerson(
                    user, null, form.get("name"), form.get("jobTitle"), form.get("email"), form.get("agency"));
        } catch (InvalidInput e) {
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
        DirectoryAdmin.Person person =
                directory.person(user, personId).orElseThrow(() -> new NotFoundException("Person"));
        model.addAttribute("person", person);
        model.addAttribute("agencies", directory.list(user, Kind.AGENCY));
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
            HttpServletResponse response) {
        if (directory.person(user, personId).isEmpty()) {
            throw new NotFoundException("Person");
        }
        try {
            directory.savePerson(
                    user, personId, form.get("name"), form.get("jobTitle"), form.get("email"), form.get("agency"));
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return person(user, personId, model);
        }
        redirect.addFlashAttribute("saved", form.get("name"));
        return "redirect:/admin/people";
    }

    private static Kind kind(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/agencies") ? Kind.AGENCY : Kind.BODY;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
