package uk.assure.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Chooses the reader from what the file holds, not from its name: a zip holding a Word document is read as Word
 * whatever it is called. Refuses, with a reason a person can act on, what Assure does not read: macro-enabled
 * Office files, old binary Office files, PDFs, other binaries, empty files and files over the size limit.
 */
public final class FormatDetector {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final int SNIFF = 8192;
    /** [Content_Types].xml is small; reading more than this of it means something is wrong. */
    private static final int MAX_CONTENT_TYPES = 1024 * 1024;

    private FormatDetector() {}

    public record Detected(String format, DocumentReader reader) {}

    public static Detected detect(String fileName, byte[] content) {
        return detect(fileName, content, DEFAULT_MAX_BYTES);
    }

    public static Detected detect(String fileName, byte[] content, long maxBytes) {
        return detect(fileName, content, maxBytes, null);
    }

    /** @param sheet for a workbook, the sheet to read by name or 1-based number; null for the first */
    public static Detected detect(String fileName, byte[] content, long maxBytes, String sheet) {
        if (content.length > maxBytes) {
            throw new ImportException(fileName + ": the file must be " + Math.max(1, maxBytes / (1024 * 1024))
                    + " MB or smaller");
        }
        if (content.length == 0) {
            throw new ImportException(fileName + ": the file is empty");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return office(fileName, content, sheet);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportException(fileName + ": this is an old Word or Excel 97-2003 file, or an encrypted one: "
                    + "save it as .docx or .xlsx without a password and upload that");
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new ImportException(fileName + ": PDF files are not read directly: open it, copy the text into a "
                    + ".txt file, or save it as Word, and upload that");
        }
        if (startsWith(content, '{', '\\', 'r', 't', 'f')) {
            throw new ImportException(fileName + ": this is a Rich Text (.rtf) file: save it as .docx and upload that");
        }
        if (looksBinary(content)) {
            throw new ImportException(fileName + ": this does not look like a text, Word, Excel, CSV or HTML file");
        }
        String head = TextDecoding.decode(fileName, java.util.Arrays.copyOf(content, Math.min(content.length, SNIFF)))
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html")
                || head.contains("<table") && head.contains("<tr")) {
            return new Detected("html", new HtmlReader());
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".htm") || name.endsWith(".html")) {
            return new Detected("html", new HtmlReader());
        }
        if (name.endsWith(".csv") || looksLikeCsv(head)) {
            return new Detected("csv", new CsvReader());
        }
        return new Detected("text", new TextReader());
    }

    private static Detected office(String fileName, byte[] content, String sheet) {
        String types = null;
        boolean macros = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String entryName = entry.getName();
                if (entryName.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    macros = true;
                }
                if (entryName.equals("[Content_Types].xml")) {
                    byte[] bytes = zip.readNBytes(MAX_CONTENT_TYPES);
                    types = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(fileName + ": the file is a damaged zip, or not a real Word or Excel file", e);
        }
        if (types == null) {
            throw new ImportException(fileName + ": this zip file is not a Word (.docx) or Excel (.xlsx) file");
        }
        String lower = types.toLowerCase(Locale.ROOT);
        if (macros || lower.contains("macroenabled")) {
            throw new ImportException(fileName + ": files with macros (.docm, .xlsm) are not accepted: save it as .docx "
                    + "or .xlsx without macros and upload that");
        }
        if (lower.contains("wordprocessingml.document.main+xml") || lower.contains("wordprocessingml.template.main+xml")) {
            return new Detected("docx", new DocxReader());
        }
        if (lower.contains("spreadsheetml.sheet.main+xml") || lower.contains("spreadsheetml.template.main+xml")) {
            return new Detected("xlsx", new XlsxReader(sheet));
        }
        throw new ImportException(fileName + ": this Office file is not a Word document or an Excel workbook "
                + "(PowerPoint and others are not read)");
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes, or more than 5% control characters other than tab and line breaks, in the first 8 KB. */
    private static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 20 > n;
    }

    /** No tabs, and the first lines split into the same number (two or more) of comma or semicolon fields. */
    private static boolean looksLikeCsv(String head) {
        if (head.indexOf('\t') >= 0) {
            return false;
        }
        String[] lines = head.split("\n", 6);
        if (lines.length < 3) {
            return false;
        }
        char separator = CsvReader.separator(head);
        int fields = -1;
        for (int i = 0; i < Math.min(lines.length - 1, 4); i++) {
            int count = fieldsIn(lines[i], separator);
            if (count < 2 || fields >= 0 && count != fields) {
                return false;
            }
            fields = count;
        }
        return true;
    }

    private static int fieldsIn(String line, char separator) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                count++;
            }
        }
        return count;
    }
}
