package uk.assure.importer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header mapping for PDF-column text, by what each line looks like: an action starting with its ref ("2.1.1). Add a
 * household"), an objective, a finding, a column heading or page number repeated on every page, a real table's header.
 */
final class LineKinds {

    static final Pattern ACTION_REF = Pattern.compile("^\\s*(\\d{1,2}(?:\\.\\d{1,2}){1,3})\\s*\\)?\\s*[.):]*\\s*(.*)$");
    static final Pattern OBJECTIVE = Pattern.compile("^\\s*(\\d{1,2})\\.\\s+(\\S.*)$");
    static final Pattern FINDING_IN_OBJECTIVE =
            Pattern.compile("\\((?:finding|recommendation)s?\\s+(\\d{1,2}[a-z]?)\\)", Pattern.CASE_INSENSITIVE);
    static final Pattern FINDING = Pattern.compile(
            "^\\s*(Finding|Recommendation|Learning point)\\s+(\\d{1,2}[a-z]?)\\s*[:.\\-–]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(objectives?|actions?|lead( agency| officer)?|timescales?"
                    + "|by when|(target |due |completion )?dates?|success criteria|outcomes?|progress|status|rag|ref|recommendations?"
                    + "|findings?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Words of column headings printed together on one line: "SUCCESS CRITERIA PROGRESS", "BY WHEN". */
    private static final Set<String> HEADING_WORDS = Set.of(
            "OBJECTIVE",
            "OBJECTIVES",
            "ACTION",
            "ACTIONS",
            "LEAD",
            "LEADS",
            "TIMESCALE",
            "TIMESCALES",
            "BY",
            "WHEN",
            "SUCCESS",
            "CRITERIA",
            "OUTCOME",
            "OUTCOMES",
            "PROGRESS",
            "STATUS",
            "RAG",
            "REF",
            "RECOMMENDATION",
            "RECOMMENDATIONS",
            "FINDING",
            "FINDINGS",
            "DATE",
            "TARGET",
            "DUE",
            "RESPONSIBLE",
            "OFFICER",
            "AGENCY",
            "EVIDENCE",
            "UPDATE",
            "COMMENTS",
            "AND",
            "/",
            "&");

    private static final Pattern TABLE_HEADING =
            Pattern.compile("(?i)\\b(actions?|tasks?|lead|leads|responsib\\w*|owner"
                    + "|timescales?|by when|deadline|due|target date|progress|status|rag|success|outcomes?|measures?|evidence"
                    + "|recommendations?|findings?|objectives?|ref|no\\.?)\\b");
    static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^\\s*(page\\s+)?\\d{1,3}(\\s*(of|/)\\s*\\d{1,3})?\\s*$");
    static final Pattern PLAN_SUCCESS = Pattern.compile(
            "^\\s*success criteria for (the )?(whole|overall|this) (action )?plan\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private LineKinds() {}

    /** "1.2). Test the alert": a line starting an action. */
    static boolean isActionStart(String line) {
        return isActionStart(ACTION_REF.matcher(line));
    }

    /** "1.2). Test the alert": a ref followed by words. */
    static boolean isActionStart(Matcher ref) {
        if (!ref.matches()
                || ref.group(2).isBlank()
                || !Character.isLetter(ref.group(2).codePointAt(0))) {
            return false;
        }
        // "1.2). review …" is marked as a ref; "1.5 million contacts" in a success cell is not
        boolean marked = ref.group().substring(ref.end(1), ref.start(2)).matches("\\s*\\)?\\s*[.):]+\\s*");
        return marked || Character.isUpperCase(ref.group(2).codePointAt(0));
    }

    /** "ACTION", "Lead officer", "SUCCESS CRITERIA PROGRESS": column headings, alone or several in capitals on a line. */
    static boolean isHeading(String text) {
        if (HEADING.matcher(text).matches()) {
            return true;
        }
        String[] words = text.strip().split("\\s+");
        if (words.length < 2 || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (String word : words) {
            if (!HEADING_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Tab-separated column headings, "Ref / Action / Lead / Timescale": the document holds a real table. */
    static boolean isHeaderRow(Block.TableRow row) {
        int headings = 0;
        for (Block.Cell cell : row.cells()) {
            String text = HtmlText.oneLine(cell.text());
            if (!text.isEmpty()
                    && text.split("\\s+").length <= 6
                    && TABLE_HEADING.matcher(text).find()) {
                headings++;
            }
        }
        return headings >= 2;
    }

    /** "FINDING 2" → "Finding 2", "learning point 3a" → "Learning point 3a". */
    static String findingRef(String word, String number) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT) + " " + number;
    }
}
