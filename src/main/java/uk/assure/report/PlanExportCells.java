package uk.assure.report;

/**
 * What every exported cell goes through: text that a spreadsheet would read as a formula (starting {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, as OWASP's "CSV injection" lists) is prefixed with an
 * apostrophe, so Excel, LibreOffice and Google Sheets show it as text and never run it.
 */
final class PlanExportCells {

    private PlanExportCells() {}

    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /** A CSV field as RFC 4180 says: quoted when it holds a comma, a quote or a line break, its quotes doubled. */
    static String csv(String text) {
        String safe = safe(text);
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
