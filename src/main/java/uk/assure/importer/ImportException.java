package uk.assure.importer;

/**
 * A file that cannot be imported, with a reason a person can act on that names the file and, where it helps, the
 * row and column. The only exception the import pipeline lets out.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
