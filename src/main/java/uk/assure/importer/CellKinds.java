package uk.assure.importer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;

/**
 * Header mapping by content, for PDF-column text whose cells have no headings: whether a line or block is a
 * timescale ("June 2026", "Q3 2026", "Ongoing"), a piece of one, a role or body ("Head of Service", "Jane Smith"), or
 * a sentence.
 */
final class CellKinds {

    static final Pattern LIST_ITEM = Pattern.compile("^(\\d{1,2}|[a-z])[.)]\\s+\\S");
    private static final String MONTHS =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String YEAR = "(?:19|20)\\d{2}";
    static final Pattern MONTH_ONLY = Pattern.compile("(?i)^\\s*(?:to commence\\s+)?" + MONTHS + "\\.?\\s*$");
    static final Pattern YEAR_ONLY = Pattern.compile("^\\s*" + YEAR + "(?:\\s*-\\s*" + YEAR + ")?\\s*$");
    /** A piece of a timescale broken over lines: "September", "- September", "2018", "2017-". */
    static final Pattern DATE_FRAGMENT =
            Pattern.compile("(?i)^\\s*-?\\s*(?:to commence\\s+)?(" + MONTHS + ")?\\.?\\s*(" + YEAR + ")?\\s*-?\\s*$");

    static final Pattern YEAR_TAIL = Pattern.compile(
            "^(.*?)\\s+(" + YEAR + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s*$", Pattern.CASE_INSENSITIVE);
    static final Pattern DATE_HEAD = Pattern.compile("(?i)^\\s*((?:to commence\\s+)?" + MONTHS + "\\.?\\s+" + YEAR
            + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s+(\\S.*)$");
    static final Pattern DATE_TAIL = Pattern.compile("(?i)^(.*\\S)\\s+(" + MONTHS + "\\.?\\s+" + YEAR
            + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s*$");
    static final Pattern LEAD_WORDS = Pattern.compile("(?i)\\b(council|director|head of|chair|manager|group|team"
            + "|leads?|officer|worker|service|services|police|trust|ccg|partnership|[a-z]?sc[bp]|[a-z]?sab|board|(?<!-)agenc(y|ies)"
            + "|membership|nurse|designated|named|organisations?|\\([A-Z]{2,6}\\))\\b|\\([A-Z]{2,6}\\)");
    private static final Pattern PERSON = Pattern.compile("^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)?\\p{Lu}[\\p{Ll}'’-]+"
            + "(?:\\s+\\p{Lu}\\.?)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}$");
    /** "NC Family Hubs North": a body named by its initials first. */
    private static final Pattern ACRONYM_FIRST = Pattern.compile("^[A-Z]{2,6}\\b");

    /** Verbs that make a line a sentence (success criteria, progress) rather than the name of a role or body. */
    static final Pattern SENTENCE_WORDS = Pattern.compile("(?i)\\b(will|to be|has|have|had|is|are|was|were|being)\\b");

    private CellKinds() {}

    /** A timescale naming a date, month, quarter, year or range: "June 2026", "Q3 2026", "To commence May 2026". */
    static boolean isDate(String text) {
        String t = HtmlText.oneLine(text);
        if (t.matches("(?i)to commence\\s+.*\\d{4}")) {
            return true;
        }
        if (t.length() > 40) {
            return false;
        }
        DuePrecision precision = DueDate.parse(t).precision();
        return precision != DuePrecision.UNKNOWN
                && precision != DuePrecision.ONGOING
                && precision != DuePrecision.IMMEDIATE;
    }

    /** "Ongoing", "Immediately", "Monthly": a timescale where the row still lacks one, else as likely a progress note. */
    static boolean isOpenTimescale(String text) {
        String t = HtmlText.oneLine(text);
        if (t.split("\\s+").length > 3) {
            return false;
        }
        DuePrecision precision = DueDate.parse(t).precision();
        return precision == DuePrecision.ONGOING || precision == DuePrecision.IMMEDIATE;
    }

    /** A role or a body: words such as Head of, Council, leads, (NC); no verb, and no date ("report signed off May 2026"). */
    static boolean looksLikeLead(String text) {
        if (text.split("\\s+").length > 25
                || SENTENCE_WORDS.matcher(text).find()
                || DATE_TAIL.matcher(text).matches()) {
            return false;
        }
        Matcher words = LEAD_WORDS.matcher(text);
        boolean role = false;
        while (words.find()) {
            // "agencies" alone names no one ("Checklist in use in all agencies")
            role |= !words.group().toLowerCase(Locale.ROOT).startsWith("agenc");
        }
        return role || ACRONYM_FIRST.matcher(text).find() || names(text);
    }

    /** "Jane Smith", "Dr Priya Patel", "Jane Smith / Tom Jones": people named as leads. */
    private static boolean names(String text) {
        String t = HtmlText.oneLine(text);
        if (t.split("\\s+").length > 12) {
            return false;
        }
        for (String part : t.split("\\s*(?:[,/;&]|\\band\\b)\\s*")) {
            if (!PERSON.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** "Safeguarding", "Team", "Front Door": a piece of a lead printed into the action's text. */
    static boolean leadFragment(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 1) {
            return true;
        }
        if (words.length > 3) {
            return false;
        }
        for (String word : words) {
            if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }
}
