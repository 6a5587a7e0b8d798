package uk.assure.importer;

/** Chooses the reader from what the file holds. (Minimal: text only; Word, Excel, CSV and HTML follow.) */
public final class FormatDetector {

    private FormatDetector() {}

    public record Detected(String format, DocumentReader reader) {}

    public static Detected detect(String fileName, byte[] content) {
        return detect(fileName, content, 10L * 1024 * 1024);
    }

    public static Detected detect(String fileName, byte[] content, long maxBytes) {
        if (content.length > maxBytes) {
            throw new ImportException(fileName + ": the file must be " + maxBytes / (1024 * 1024) + " MB or smaller");
        }
        if (content.length == 0) {
            throw new ImportException(fileName + ": the file is empty");
        }
        return new Detected("text", new TextReader());
    }
}
