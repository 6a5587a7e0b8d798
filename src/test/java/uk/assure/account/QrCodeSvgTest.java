package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG drawn for the set-up page, read back module by module, is a QR code of the text it was given. */
class QrCodeSvgTest {

    private static final String URI =
            "otpauth://totp/Assure%3Aadmin%40example.local?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                    + "&issuer=Assure&algorithm=SHA1&digits=6&period=30";

    @Test
    void decodesToTheTextItWasDrawnFrom() throws Exception {
        String svg = QrCodeSvg.of(URI, "QR code", 200);

        int size = Integer.parseInt(find(svg, "viewBox=\"0 0 (\\d+) \\1\"").group(1));
        BitMatrix modules = new BitMatrix(size - 8); // less the quiet zone of 4 on each side
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z")
                .matcher(find(svg, " d=\"([^\"]*)\"").group(1));
        while (square.find()) {
            int x = Integer.parseInt(square.group(1)) - 4;
            int y = Integer.parseInt(square.group(2)) - 4;
            assertThat(x).isBetween(0, size - 9);
            assertThat(y).isBetween(0, size - 9);
            modules.set(x, y);
        }

        assertThat(new Decoder().decode(modules).getText()).isEqualTo(URI);
    }

    @Test
    void isNamedForScreenReadersAndEscapesItsTitle() {
        String svg = QrCodeSvg.of("x", "Code for <Assure> & you", 120);

        assertThat(svg)
                .startsWith("<svg ")
                .contains(
                        "role=\"img\"",
                        "aria-labelledby=\"qr-title\"",
                        "<title id=\"qr-title\">Code for &lt;Assure&gt; &amp; you</title>",
                        "width=\"120\"");
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m;
    }
}
