package uk.assure.account;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.springframework.web.util.HtmlUtils;

/**
 * A QR code as inline SVG, so that the page needs no image request and no script: zxing lays out the modules, and
 * each dark one is a unit square in one path, inside the 4-module quiet zone scanners expect.
 */
final class QrCodeSvg {

    private static final int QUIET = 4;

    private QrCodeSvg() {}

    /** @param title what a screen reader says the picture is */
    static String of(String text, String title, int pixels) {
        ByteMatrix modules;
        try {
            modules = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code", e);
        }
        int size = modules.getWidth() + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    path.append('M')
                            .append(x + QUIET)
                            .append(' ')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"assure-qr\" role=\"img\" aria-labelledby=\"qr-title\""
                + " width=\"" + pixels + "\" height=\"" + pixels + "\" viewBox=\"0 0 " + size + " " + size + "\""
                + " shape-rendering=\"crispEdges\"><title id=\"qr-title\">" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
