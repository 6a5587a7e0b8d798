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
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * An evidence bundle as a PDF: one Thymeleaf document (index first, with page numbers from CSS
 * {@code target-counter}) through openhtmltopdf in its PDF/UA mode, as the board pack's PDF is made.
 */
@Component
class BundleDocuments {

    static final String PDF_NAME = "evidence-bundle.pdf";

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;

    BundleDocuments(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    String html(EvidenceBundle bundle) {
        Context ctx = new Context(Locale.UK, Map.of("bundle", bundle));
        ctx.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        return templates.process("reports/evidence-bundle", ctx);
    }

    byte[] pdf(EvidenceBundle bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePdfUaAccessibility(true);
            builder.useFont(fontOf("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(fontOf("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html(bundle))), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static FSSupplier<InputStream> fontOf(String path) {
        return () -> {
            InputStream in = BundleDocuments.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in;
        };
    }
}
