package uk.assure.partnership;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.Access;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.DirectoryAdmin.Kind;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

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

    /** An agency's or a body's name as people write it. */
    static final int NAME_MAX = 200;
    /** An agency's short name: "Police", "CSC". */
    static final int SHORT_NAME_MAX = 100;
    /** The other names, one per line (each kept to 200 characters). */
    static final int ALIASES_MAX = 10_000;
    /** A person's job title, as plans name a lead. */
    static final int JOB_TITLE_MAX = 200;
    /** The longest an email address can be (64 characters, @, 255). */
    static final int EMAIL_MAX = 320;
    /** Room for an agency's id. */
    static final int CHOICE_MAX = 100;

    /** An agency or a body: its name, short name (agencies only) and the other names plans use for it. */
    record NamedForm(
            @NotBlank(message = "{admin.error.name.missing}") @Size(max = NAME_MAX, message = "{admin.error.name.long}") String name,

            @Size(max = SHORT_NAME_MAX, message = "{admin.error.shortName.long}") String shortName,

            @Size(max = ALIASES_MAX, message = "{admin.error.aliases.long}") String aliases) {

        static NamedForm of(DirectoryAdmin.Named item) {
            return new NamedForm(
                    item.name(), item.shortName() == null ? "" : item.shortName(), String.join("\n", item.aliases()));
        }
    }

    /** A person: name, job title, email, agency. */
    record PersonForm(
            @NotBlank(message = "{admin.person.error.name.missing}") @Size(max = NAME_MAX, message = "{admin.person.error.name.long}") String name,

            @Size(max = JOB_TITLE_MAX, message = "{admin.person.error.jobTitle.long}") String jobTitle,

            @Size(max = EMAIL_MAX, message = "{admin.person.error.email.long}") String email,

            @Size(max = CHOICE_MAX, message = "{error.agency.unknown}") String agency) {

        static PersonForm of(DirectoryAdmin.Person person) {
            return new PersonForm(
                    person.name(),
                    nonNull(person.jobTitle()),
                    nonNull(person.email()),
                    nonNull(person.agencyExternalId()));
        }
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
        model.addAttribute("kind", kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("items", directory.list(user, kind));
        return "admin/named-list";
    }

    @PostMapping({"/admin/agencies", "/admin/bodies"})
    String addNamed(
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            @Valid @ModelAttribute("form") NamedForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        Kind kind = kind(request);
        directory.administer(user);
        List<FormError> errors = refusals(
                validation,
                () -> directory.save(
                        user, kind, null, form.name(), form.shortName(), DirectoryAdmin.lines(form.aliases())));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return named(user, request, model);
        }
        redirect.addFlashAttribute("saved", form.name());
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
        model.addAttribute("kind", kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("item", item);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", NamedForm.of(item));
        }
        return "admin/named-edit";
    }

    @PostMapping({"/admin/agencies/{id}", "/admin/bodies/{id}"})
    String saveNamed(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            HttpServletRequest request,
            @Valid @ModelAttribute("form") NamedForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        Kind kind = kind(request);
        if (directory.find(user, kind, id).isEmpty()) {
            throw new NotFoundException("Item");
        }
        List<FormError> errors = refusals(
                validation,
                () -> directory.save(
                        user, kind, id, form.name(), form.shortName(), DirectoryAdmin.lines(form.aliases())));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return editNamed(user, id, request, model);
        }
        redirect.addFlashAttribute("saved", form.name());
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
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        directory.administer(user);
        List<FormError> errors = refusals(
                validation,
                () -> directory.savePerson(user, null, form.name(), form.jobTitle(), form.email(), form.agency()));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return people(user, model);
        }
        redirect.addFlashAttribute("saved", form.name());
        return "redirect:/admin/people";
    }

    @GetMapping("/admin/people/{personId}")
    String person(@AuthenticationPrincipal SignedInUser user, @PathVariable String personId, Model model) {
        DirectoryAdmin.Person person =
                directory.person(user, personId).orElseThrow(() -> new NotFoundException("Person"));
        model.addAttribute("person", person);
        model.addAttribute("agencies", directory.list(user, Kind.AGENCY));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PersonForm.of(person));
        }
        return "admin/person";
    }

    @PostMapping("/admin/people/{personId}")
    String savePerson(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String personId,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        if (directory.person(user, personId).isEmpty()) {
            throw new NotFoundException("Person");
        }
        List<FormError> errors = refusals(
                validation,
                () -> directory.savePerson(user, personId, form.name(), form.jobTitle(), form.email(), form.agency()));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return person(user, personId, model);
        }
        redirect.addFlashAttribute("saved", form.name());
        return "redirect:/admin/people";
    }

    /**
     * The form's own limits broken, or else the service's refusal, each on its field; none when the change was made.
     * A refused form is shown again with what was typed: 200, as GOV.UK forms are.
     */
    private static List<FormError> refusals(BindingResult validation, Runnable change) {
        List<FormError> errors = FormErrors.of(validation);
        if (errors.isEmpty()) {
            try {
                change.run();
            } catch (InvalidInput e) {
                errors.add(FormError.of(e));
            }
        }
        return errors;
    }

    private static Kind kind(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/agencies") ? Kind.AGENCY : Kind.BODY;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
