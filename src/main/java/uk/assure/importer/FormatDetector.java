package uk.assure.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Chooses the reader from what the file holds, not from its name: a zip holding a Word document is read as Word
 * whatever it is called. Refuses, with a reason a person can act on, what Assure does not read: macro-enabled
 * Office files, old binary Office files, PDFs, other binaries, empty files and files over the size limit.
 */
final class FormatDetector {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final int SNIFF = 8192;
    /** [Content_Types].xml is small; reading more than this of it means something is wrong. */
    private static final int MAX_CONTENT_TYPES = 1024 * 1024;
    /** A Word or Excel file has tens of parts; a few thousand means an image-heavy file or something hostile. */
    private static final int MAX_ENTRIES = 10_000;

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
            throw new ImportException(fileName + ": the file is " + megabytes(content.length) + " MB; files must be "
                    + megabytes(maxBytes) + " MB or smaller");
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
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            throw new ImportException(fileName + ": this text file is saved as UTF-16 (\"Unicode\"): save it again as "
                    + "UTF-8 text and upload that");
        }
        if (looksBinary(content)) {
            throw new ImportException(fileName + ": this does not look like a text, Word, Excel, CSV or HTML file");
        }
        String head = TextDecoding.decode(fileName, Arrays.copyOf(content, Math.min(content.length, SNIFF)))
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<?xml") && head.contains("<html")
                || head.contains("<table") && head.contains("<tr")) {
            return new Detected("html", new HtmlReader());
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".htm") || name.endsWith(".html")) {
            return new Detected("html", new HtmlReader());
        }
        if (name.endsWith(".csv") || looksLikeCsv(content.length <= SNIFF ? head + "\n" : head)) {
            return new Detected("csv", new CsvReader());
        }
        return new Detected("text", new TextReader());
    }

    /**
     * A zip: Word or Excel by the main part named in [Content_Types].xml. Only the zip's directory and that one small
     * part are read, never the other entries, so a zip bomb is not inflated here (the readers refuse it, see
     * {@link PoiSafety}).
     */
    private static Detected office(String fileName, byte[] content, String sheet) {
        String types = null;
        boolean macros = false;
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw new ImportException(fileName + ": the file holds " + entries.size()
                        + " parts, far more than a Word or Excel file has, so it was not opened");
            }
            for (ZipArchiveEntry entry : entries) {
                String entryName = entry.getName().toLowerCase(Locale.ROOT);
                if (entryName.endsWith("vbaproject.bin") || entryName.endsWith("vbadata.xml")) {
                    macros = true;
                }
                if (entry.getName().equals("[Content_Types].xml") && types == null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        types = new String(in.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(
                    fileName + ": the file is damaged, or is a zip that is not a real Word or Excel " + "file", e);
        }
        if (types == null) {
            throw new ImportException(fileName + ": this zip file is not a Word (.docx) or Excel (.xlsx) file");
        }
        String lower = types.toLowerCase(Locale.ROOT);
        if (macros || lower.contains("macroenabled") || lower.contains("vbaproject")) {
            throw new ImportException(fileName + ": macro-enabled files (.docm, .xlsm) are not accepted: save it as "
                    + ".docx or .xlsx without macros and upload that");
        }
        if (lower.contains("wordprocessingml.document.main+xml")
                || lower.contains("wordprocessingml.template.main+xml")) {
            return new Detected("docx", new DocxReader());
        }
        if (lower.contains("spreadsheetml.sheet.main+xml") || lower.contains("spreadsheetml.template.main+xml")) {
            return new Detected("xlsx", new XlsxReader(sheet));
        }
        if (lower.contains("presentationml")) {
            throw new ImportException(
                    fileName + ": this is a PowerPoint file: copy the plan's table into Word or Excel, "
                            + "save it as .docx or .xlsx and upload that");
        }
        throw new ImportException(fileName + ": this zip file is not a Word (.docx) or Excel (.xlsx) file");
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

    /** "10", "0.5", "10.2": megabytes to one decimal place, without a needless ".0". */
    private static String megabytes(long bytes) {
        double mb = Math.floor(bytes * 10.0 / (1024 * 1024)) / 10.0;
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.valueOf(mb);
    }

    /**
     * No tabs, and the first records (after any title lines of one field) split into the same number, two or more,
     * of comma or semicolon separated fields: three records or more, or two of three fields or more. The last record of the sniffed head may be cut short, so is not counted.
     */
    private static boolean looksLikeCsv(String head) {
        if (head.indexOf('\t') >= 0) {
            return false;
        }
        List<Integer> counts = CsvReader.fieldCounts(head, CsvReader.separator(head), 8);
        if (counts.size() == 8) {
            counts = counts.subList(0, 7);
        }
        int first = 0;
        while (first < counts.size() && first < 2 && counts.get(first) == 1) {
            first++;
        }
        List<Integer> table = counts.subList(first, counts.size());
        // Two lines of prose may each hold one comma; a table has three or more records, or two of three fields.
        return (table.size() >= 3 || table.size() == 2 && table.get(0) >= 3)
                && table.get(0) >= 2
                && table.stream().allMatch(n -> n.equals(table.get(0)));
    }
}
