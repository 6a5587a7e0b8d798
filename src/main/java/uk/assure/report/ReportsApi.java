package uk.assure.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.assure.account.SignedInUser;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * Plan exports and board packs in the JSON API, so a partnership can schedule them: the same {@link PlanExports} and
 * {@link BoardPacks} methods the pages call, so access is decided the same way (404 for a plan the caller may not
 * read). A format or date that cannot be read answers 400 naming the parameter.
 */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "reports")
@SecurityRequirement(name = "token")
class ReportsApi {

    private final PlanExports exports;
    private final BoardPacks packs;
    private final PackFiles files;

    ReportsApi(PlanExports exports, BoardPacks packs, PackFiles files) {
        this.exports = exports;
        this.packs = packs;
        this.files = files;
    }

    @Operation(
            summary = "A plan exported: docx (landscape table), xlsx (one row per action), csv (RFC 4180, UTF-8 "
                    + "with a BOM) or json (complete, with every update); always a download",
            description = "format: docx, xlsx, csv, json or pdf (default json). A plan the caller may not read is 404.")
    @GetMapping(path = "/plans/{planId}/export", produces = "*/*")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @RequestParam(name = "format", defaultValue = "json") String format) {
        PlanExports.Format chosen = PlanExports.Format.named(format)
                .orElseThrow(() -> new InvalidInput("format", Message.of("export.error.format")));
        return exports.export(user, planId, chosen).response();
    }

    @Operation(
            summary = "A board pack of the plans named (none: every plan the caller may read), compared with a "
                    + "snapshot (none: the last pack issued), as html, pdf or docx",
            description = "plans: plan ids, comma separated or repeated; since: the snapshot's id; next: the date "
                    + "of the next meeting (2026-04-09); format: html, pdf or docx (default html).")
    @GetMapping(path = "/packs", produces = "*/*")
    ResponseEntity<byte[]> pack(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plans", required = false) List<String> plans,
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "next", required = false) String next,
            @RequestParam(name = "format", defaultValue = "html") String format) {
        String chosen = format == null ? "" : format.strip();
        if (!List.of("html", "pdf", "docx").contains(chosen)) {
            throw new InvalidInput("format", Message.of("export.error.packFormat"));
        }
        BoardPacks.Request request = new BoardPacks.Request(plans, blank(since), meeting(next));
        BoardPack pack = packs.pack(user, request);
        String name = files.words()
                        .of(Message.of("report.file.name", pack.nextMeeting().toString())) + "." + chosen;
        byte[] content;
        MediaType type;
        switch (chosen) {
            case "pdf" -> {
                content = files.pdf(pack);
                type = MediaType.APPLICATION_PDF;
            }
            case "docx" -> {
                content = files.docx(pack);
                type = ReportPagesController.DOCX;
            }
            default -> {
                content = files.html(pack).getBytes(StandardCharsets.UTF_8);
                type = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            }
        }
        return new PlanExports.Download(content, type, name).response();
    }

    private static LocalDate meeting(String next) {
        if (next == null || next.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(next.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("next", Message.of("report.error.next.invalid"));
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
