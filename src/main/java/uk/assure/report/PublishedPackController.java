package uk.assure.report;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;
import uk.assure.system.Message;

/**
 * The published version of a board pack: the same pack with what an admin marked as not for publication left out,
 * saying on its first page that it is the published version and when it was made; as a page, a PDF and a Word
 * document. Access is the pack's own ({@link BoardPacks} decides).
 */
@Controller
class PublishedPackController {

    private final BoardPacks packs;
    private final PackFiles files;

    PublishedPackController(BoardPacks packs, PackFiles files) {
        this.packs = packs;
        this.files = files;
    }

    @GetMapping("/reports/pack/published")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next,
            Model model) {
        BoardPack pack = packs.publishedPack(user, request(plans, snapshot, next));
        model.addAllAttributes(PackDocuments.model(pack, files.words(), false));
        String query = ReportPagesController.query(pack);
        model.addAttribute("pdfHref", "/reports/pack/published.pdf" + query);
        model.addAttribute("docxHref", "/reports/pack/published.docx" + query);
        model.addAttribute("fullHref", "/reports/pack" + query);
        model.addAttribute("choices", packs.choices(user));
        return "reports/pack";
    }

    @GetMapping("/reports/pack/published.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next) {
        BoardPack pack = packs.publishedPack(user, request(plans, snapshot, next));
        return ReportPagesController.download(files.pdf(pack), MediaType.APPLICATION_PDF, name(pack, "pdf"));
    }

    @GetMapping("/reports/pack/published.docx")
    ResponseEntity<byte[]> docx(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "plan", required = false) List<String> plans,
            @RequestParam(name = "snapshot", required = false) String snapshot,
            @RequestParam(name = "next", required = false) String next) {
        BoardPack pack = packs.publishedPack(user, request(plans, snapshot, next));
        return ReportPagesController.download(files.docx(pack), ReportPagesController.DOCX, name(pack, "docx"));
    }

    private static BoardPacks.Request request(List<String> plans, String snapshot, String next) {
        return new BoardPacks.Request(plans, snapshot, ReportPagesController.date(next));
    }

    private String name(BoardPack pack, String extension) {
        return files.words()
                        .of(Message.of(
                                "report.published.file", pack.nextMeeting().toString())) + "." + extension;
    }
}
