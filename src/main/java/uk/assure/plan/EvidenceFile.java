package uk.assure.plan;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * A file given as evidence: its name as uploaded, and its type read from its first bytes, not from its name.
 * Accepted: PDF, Word, Excel, PNG, JPEG and plain text; anything else is refused with what to send instead.
 */
public record EvidenceFile(String fileName, String contentType, byte[] content) {

    /** @throws InvalidInput on the evidence file field, when the file is empty or of another type */
    public static EvidenceFile of(String fileName, byte[] content) {
        String name = fileName == null
                ? "evidence"
                : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "");
        if (content.length == 0) {
            throw new InvalidInput("evidenceFile", Message.of("evidence.empty"));
        }
        String type = sniff(name, content);
        if (type == null) {
            throw new InvalidInput("evidenceFile", Message.of("evidence.type"));
        }
        return new EvidenceFile(name.isBlank() ? "evidence" : name, type, content);
    }

    private static String sniff(String name, byte[] b) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            String head = new String(b, 0, Math.min(b.length, 64 * 1024), StandardCharsets.ISO_8859_1);
            if (head.contains("vbaProject")) {
                return null;
            }
            if (lower.endsWith(".docx") || head.contains("word/")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (lower.endsWith(".xlsx") || head.contains("xl/")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            return null;
        }
        for (int i = 0; i < Math.min(b.length, 8192); i++) {
            int c = b[i] & 0xff;
            if (c == 0 || c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b) {
                return null;
            }
        }
        return lower.endsWith(".csv") ? "text/csv" : "text/plain";
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file as a response: always a download, never shown inline, never cached. */
    public ResponseEntity<byte[]> asDownload() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Cache-Control", "private, no-store")
                .body(content);
    }
}
