package uk.assure.report;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A pack as files, from the same Thymeleaf content as its page: the content alone as HTML (what an issued pack keeps
 * to show again), and a PDF of it through openhtmltopdf in its PDF/UA mode (tagged, titled, its language set, the
 * font embedded), the charts there as PNG images with their alternative text. The Word document is {@link PackDocx}.
 */
@Component
class PackDocuments {

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;

    PackDocuments(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    /** The variables the content fragment reads: the pack, its three charts, and whether it is being printed. */
    static Map<String, Object> model(BoardPack pack, PackWords words, boolean printed) {
        Map<String, PackChart> charts = Map.of(
                "plan", PackChart.of(pack.summary().byPlan()),
                "section", PackChart.of(pack.summary().bySection()),
                "agency", PackChart.of(pack.summary().byAgency()));
        Map<String, String> images = !printed
                ? Map.of()
                : Map.of(
                        "plan", charts.get("plan").pngDataUri(words.ragNames(), words.noAgency()),
                        "section", charts.get("section").pngDataUri(words.ragNames(), words.noAgency()),
                        "agency", charts.get("agency").pngDataUri(words.ragNames(), words.noAgency()));
        return Map.of(
                "pack", pack, "charts", charts, "chartImages", images, "printed", printed, "rags", BoardPack.rags());
    }

    /** The pack's sections as an HTML fragment, as the page shows them. */
    String contentHtml(BoardPack pack, PackWords words) {
        return render(
                new TemplateSpec("reports/pack-content", Set.of("content"), TemplateMode.HTML, null),
                model(pack, words, false));
    }

    /** The whole pack as a standalone, printable HTML document: what the PDF is made from. */
    String documentHtml(BoardPack pack, PackWords words) {
        return render(new TemplateSpec("reports/pack-document", TemplateMode.HTML), model(pack, words, true));
    }

    byte[] pdf(BoardPack pack, PackWords words) {
        return pdf(documentHtml(pack, words));
    }

    /**
     * A standalone HTML document as a PDF through openhtmltopdf in its PDF/UA mode: tagged, titled from the
     * document's title, its language from {@code <html lang>}, DejaVu Sans embedded. Plan exports print this way too.
     */
    static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePdfUaAccessibility(true);
            builder.useFont(fontOf("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(fontOf("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A whole template rendered with these variables, as a page would be, outside a web request. */
    String document(String template, Map<String, Object> variables) {
        return render(new TemplateSpec(template, TemplateMode.HTML), variables);
    }

    private String render(TemplateSpec spec, Map<String, Object> variables) {
        Context ctx = new Context(Locale.UK, variables);
        // lets the template call beans (@formats, @messageText) outside a web request, as on a page
        ctx.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        return templates.process(spec, ctx);
    }

    private static FSSupplier<InputStream> fontOf(String path) {
        return () -> {
            InputStream in = PackDocuments.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in;
        };
    }
}
