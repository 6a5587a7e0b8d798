package uk.assure.importer;

import java.io.IOException;
import java.util.Locale;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;

/**
 * The limits every Word and Excel file is opened under, and POI's failures put into words. A .docx or .xlsx is a
 * zip of XML: ZipSecureFile refuses entries that inflate more than 100 times (zip bombs) or past 100 MB, and POI's
 * XML parsers never resolve external entities.
 */
final class PoiSafety {

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
    static final long MAX_TEXT_SIZE = 10L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
    }

    private PoiSafety() {}

    /** Sets the limits (once, on first use); call before opening any Word or Excel file. */
    static void apply() {
        // the static initialiser did the work
    }

    /** What went wrong opening or reading an Office file, for a person, with the file's name. */
    static ImportException explain(String fileName, String kind, Throwable e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("zip bomb")
                || message.contains("max entry size")
                || message.contains("inflate")
                || message.contains("exceeds the max")) {
            return new ImportException(
                    fileName + ": the file expands to far more than its size (it looks like a zip "
                            + "bomb), so it was not opened",
                    e);
        }
        if (e instanceof OLE2NotOfficeXmlFileException) {
            return new ImportException(
                    fileName + ": this is an old Word or Excel 97-2003 file, or an encrypted one: "
                            + "save it as .docx or .xlsx without a password",
                    e);
        }
        if (e instanceof NotOfficeXmlFileException
                || e instanceof InvalidFormatException
                || e instanceof EmptyFileException
                || e instanceof RecordFormatException
                || e instanceof IOException) {
            return new ImportException(fileName + ": the file is damaged or is not a real " + kind + " file", e);
        }
        return new ImportException(
                fileName + ": the " + kind + " file could not be read ("
                        + e.getClass().getSimpleName() + ")",
                e);
    }
}
