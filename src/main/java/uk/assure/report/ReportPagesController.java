package uk.assure.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.account.SignedInUser;
import uk.assure.system.Message;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * Reports: snapshots and board packs. The pack is a page first, with the same content as a PDF and a Word document
 * to download; an admin issues it, and an issued pack opens again as it was. Each handler asks {@link BoardPacks},
 * which decides access.
 */
@Controller
class ReportPagesController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final BoardPacks packs;
    private final PackFiles files;

    ReportPagesController(BoardPacks packs, PackFiles files) {
        this.packs = packs;
        this.files = files;
    }

    @GetMapping("/reports")
    String index(@AuthenticationPrincipal SignedInUser user, Model model) {
        return index(user, model, SnapshotForm.BLANK, List.of());
    }

    private String index(SignedInUser user, Model model, SnapshotForm form, List<FormError> errors) {
        BoardPacks.Choices choices = packs.choices(user);
        model.addAttribute("choices", choices);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("nextParts")) {
            model.addAttribute("nextParts", DateParts.of(choices.defaultMeeting()));
        }
        return "reports/index";
    }

    @PostMapping("/reports/snapshots")
    String takeSnapshot(
            @AuthenticationPrincipal SignedInUser user,
            @Validated @ModelAttribute("form") SnapshotForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        packs.requireAdminister(user);
        List<FormError> errors = new ArrayList<>();
        for (FormError e : FormErrors.of(binding)) {
            errors.add(
                    e.field().startsWith("heldOn")
                            ? FormError.of("heldOn-day", Message.of("report.error.heldOn.invalid"))
                            : e);
        }
        LocalDate heldOn = errors.stream().anyMatch(e -> e.field().startsWith("heldOn"))
                ? null
                : form.heldOn()
                        .read(
                                "heldOn",
                                Message.of("report.date.heldOn"),
                                Message.of("report.error.heldOn.missing"),
                                errors);
        if (!errors.isEmpty()) {
            return index(user, model, form, errors);
        }
        Snapshots.Snapshot taken = packs.takeSnapshot(
                user, form.name(), heldOn, form.plan() == null || form.plan().isBlank() ? null : form.plan());
        redirect.addFlashAttribute("taken", BoardPacks.taken(taken));
        return "redirect:/reports";
    }

    @GetMapping("/reports/pack")
    String pack(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next,
            @RequestParam(name = "nextDay", required = false) String nextDay,
            @RequestParam(name = "nextMonth", required = false) String nextMonth,
            @RequestParam(name = "nextYear", required = false) String nextYear,
            Model model) {
        DateParts nextParts = new DateParts(nextDay, nextMonth, nextYear);
        LocalDate meeting = next == null || next.isBlank() ? null : date(next);
        if (next != null && !next.isBlank() && meeting == null) {
            model.addAttribute(
                    "packErrors", List.of(FormError.of("next-day", Message.of("report.error.next.invalid"))));
            return index(user, model, SnapshotForm.BLANK, List.of());
        }
        if (meeting == null && !nextParts.blank()) {
            List<FormError> packErrors = new ArrayList<>();
            meeting = nextParts.read("next", Message.of("report.date.next"), null, packErrors);
            if (meeting == null) {
                model.addAttribute("packErrors", packErrors);
                model.addAttribute("nextParts", nextParts);
                return index(user, model, SnapshotForm.BLANK, List.of());
            }
        }
        BoardPacks.Request request = new BoardPacks.Request(plans, snapshot, meeting);
        BoardPack pack = packs.pack(user, request);
        model.addAllAttributes(PackDocuments.model(pack, files.words(), false));
        String query = query(pack);
        model.addAttribute("pdfHref", "/reports/pack.pdf" + query);
        model.addAttribute("docxHref", "/reports/pack.docx" + query);
        model.addAttribute("publishedHref", "/reports/pack/published" + query);
        model.addAttribute("choices", packs.choices(user));
        return "reports/pack";
    }

    @GetMapping("/plans/{planId}/pack")
    String planPack(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId, Model model) {
        return pack(user, List.of(planId), null, null, null, null, null, model);
    }

    @GetMapping("/reports/pack.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next) {
        BoardPacks.Request request = new BoardPacks.Request(plans, snapshot, date(next));
        return download(packs.pdf(user, request), MediaType.APPLICATION_PDF, fileName(request, "pdf"));
    }

    @GetMapping("/reports/pack.docx")
    ResponseEntity<byte[]> docx(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next) {
        BoardPacks.Request request = new BoardPacks.Request(plans, snapshot, date(next));
        return download(packs.docx(user, request), DOCX, fileName(request, "docx"));
    }

    @PostMapping("/reports/packs")
    String issue(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next,
            Model model) {
        packs.requireAdminister(user);
        LocalDate meeting = date(next);
        if (meeting == null) {
            model.addAttribute(
                    "packErrors", List.of(FormError.of("next-day", Message.of("report.error.next.invalid"))));
            return index(user, model, SnapshotForm.BLANK, List.of());
        }
        String id = packs.issue(user, new BoardPacks.Request(plans, snapshot, meeting));
        return "redirect:/reports/packs/" + id;
    }

    @GetMapping("/reports/packs/{packId}")
    String issued(@AuthenticationPrincipal SignedInUser user, @PathVariable String packId, Model model) {
        IssuedPacks.Files issued = packs.issued(user, packId);
        model.addAttribute("issued", issued.pack());
        model.addAttribute("content", issued.html());
        return "reports/issued";
    }

    @GetMapping("/reports/packs/{packId}/pdf")
    ResponseEntity<byte[]> issuedPdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String packId) {
        IssuedPacks.Files issued = packs.issued(user, packId);
        return download(issued.pdf(), MediaType.APPLICATION_PDF, issuedName(issued.pack(), "pdf"));
    }

    @GetMapping("/reports/packs/{packId}/docx")
    ResponseEntity<byte[]> issuedDocx(@AuthenticationPrincipal SignedInUser user, @PathVariable String packId) {
        IssuedPacks.Files issued = packs.issued(user, packId);
        return download(issued.docx(), DOCX, issuedName(issued.pack(), "docx"));
    }

    /** The query that makes this pack again: for its downloads and its issue form. */
    static String query(BoardPack pack) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        pack.plans().forEach(p -> uri.queryParam("plan", p.externalId()));
        if (pack.comparedWith() != null) {
            uri.queryParam("snapshot", pack.comparedWith().externalId());
        }
        uri.queryParam("next", pack.nextMeeting().toString());
        return uri.encode().build().toUriString();
    }

    private String fileName(BoardPacks.Request request, String extension) {
        LocalDate meeting = request.nextMeeting();
        return files.words()
                        .of(Message.of("report.file.name", meeting == null ? "" : meeting.toString()))
                        .strip()
                + "." + extension;
    }

    private String issuedName(IssuedPacks.Issued issued, String extension) {
        return files.words()
                        .of(Message.of("report.file.name", issued.nextMeeting().toString())) + "." + extension;
    }

    /** Always a download, its name encoded as RFC 6266 says (filename*=UTF-8''...), never cached. */
    static ResponseEntity<byte[]> download(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
