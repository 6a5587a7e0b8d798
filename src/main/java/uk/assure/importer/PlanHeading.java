package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's cover: what comes before its first table of actions. Reads the title, the organisation, the inspection
 * and document dates, the version, the lead officer and links to other plans from lines such as
 * "DATE OF INSPECTION: 9-13 JULY 2018", "V2: Updated February 2019", "Lead Officer: …", "Links: …". What it cannot
 * place is returned so that the caller can report it.
 */
final class PlanHeading {

    private static final Pattern LABEL = Pattern.compile("^([A-Za-z][A-Za-z /&'-]{1,40}?)\\s*:\\s*(.+)$");
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "(?i)\\b(plan|inspection|review|action|improvement|audit|jtai|ofsted|safeguarding|recommendations?|"
                    + "response|progress|report|tracker|scr|lscpr|learning|lessons)\\b");
    private static final Pattern VERSION = Pattern.compile(
            "(?i)^(v\\d+(\\.\\d+)?\\b.*|version\\s*\\d.*|.*\\bversion\\s*\\d+(\\.\\d+)?$|(final )?draft\\b.*|final version.*|updated\\b.*)$");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "(?i)(\\d{1,2}(?:\\s*-\\s*\\d{1,2})?\\s+)?(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
                    + "|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\\s+\\d{4}|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern ORGANISATION_TAIL = Pattern.compile(
            "(?i)^(.+?)\\s+(local safeguarding|safeguarding|children's|childrens|council|borough|county council|lscb"
                    + "|partnership)\\b.*");
    private static final Pattern NOISE = Pattern.compile("(?i)^(appendix|annex|page)\\s*[\\dA-Z]{0,3}$|^[-_=*\\s]+$");

    String title;
    String organisation;
    String inspectionDate;
    String documentDate;
    String versionLabel;
    String leadOfficer;
    final List<String> links = new ArrayList<>();

    private static final Pattern ORGANISATION_LINE = Pattern.compile(
            "(?i)^[A-Z][\\w'’&,.\\- ]{2,80}\\b(partnership|board|council|trust|police|constabulary|lscb|scp|lsab)$");

    /** A line the cover reader will use: a version, a labelled date or officer. */
    static boolean isCoverLine(String line) {
        String clean = clean(line);
        return VERSION.matcher(clean).matches() && clean.length() < 80
                || LABEL.matcher(clean).matches() && clean.length() < 120 && !clean.endsWith(".");
    }

    /** A running header repeated on every page ("… Inspection – Eastvale March 2025 – …"): the inspection date. */
    void runningHeader(String line) {
        if (inspectionDate == null && line.toLowerCase(Locale.ROOT).contains("inspection")) {
            Matcher date = MONTH_YEAR.matcher(line);
            if (date.find()) {
                inspectionDate = date.group();
            }
        }
    }

    /** Reads the cover lines in order; returns the lines it did not use, with where they were. */
    List<Block> read(List<Block> lines) {
        List<Block> unused = new ArrayList<>();
        List<String> titleParts = new ArrayList<>();
        boolean titleClosed = false;
        for (Block block : lines) {
            String line = clean(text(block));
            if (line.isEmpty() || NOISE.matcher(line).matches()) {
                continue;
            }
            if (labelled(line)) {
                titleClosed = !titleParts.isEmpty();
                continue;
            }
            if (VERSION.matcher(line).matches() && line.length() < 80) {
                versionLabel = line;
                Matcher date = MONTH_YEAR.matcher(line);
                if (date.find()) { // this version's date is the document's date
                    documentDate = date.group();
                }
                titleClosed = !titleParts.isEmpty();
                continue;
            }
            if (organisation == null
                    && titleParts.isEmpty()
                    && ORGANISATION_LINE.matcher(line).matches()) {
                organisation = line;
                continue;
            }
            boolean titleLike = TITLE_WORDS.matcher(line).find() && line.length() <= 160 && !line.endsWith(".");
            if (titleLike && !titleClosed) {
                titleParts.add(line);
                continue;
            }
            if (organisation == null && isShortName(line)) {
                organisation = line;
                continue;
            }
            if (organisation != null && isShortName(line) && line.equals(line.toUpperCase(Locale.ROOT))) {
                continue; // "BOROUGH COUNCIL" under "Eastvale": the rest of the name on the cover
            }
            if (!titleParts.isEmpty()) {
                titleClosed = true;
            }
            unused.add(block);
        }
        if (!titleParts.isEmpty()) {
            title = String.join(" ", titleParts);
        }
        if (organisation == null && title != null) {
            Matcher m = ORGANISATION_TAIL.matcher(title);
            if (m.matches()
                    && m.group(1).split("\\s+").length <= 4
                    && !TITLE_WORDS.matcher(m.group(1)).find()) {
                organisation = m.group(1);
            }
        }
        if (inspectionDate == null
                && title != null
                && title.toLowerCase(Locale.ROOT).contains("inspection")) {
            Matcher date = MONTH_YEAR.matcher(title);
            Matcher year = YEAR.matcher(title);
            if (date.find()) {
                inspectionDate = date.group();
            } else if (year.find()) {
                inspectionDate = year.group();
            }
        }
        return unused;
    }

    private boolean labelled(String line) {
        Matcher m = LABEL.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String label = m.group(1).toLowerCase(Locale.ROOT).strip();
        String value = m.group(2).strip();
        if (label.contains("inspection") && label.contains("date")
                || label.equals("inspection date")
                || label.equals("date of inspection")
                || label.equals("inspected")) {
            inspectionDate = value;
        } else if (label.contains("date")) {
            if (documentDate == null) {
                documentDate = value;
            }
        } else if (label.equals("lead officer")
                || label.equals("lead")
                || label.equals("plan lead")
                || label.equals("owner")
                || label.equals("responsible officer")) {
            leadOfficer = value;
        } else if (label.equals("links") || label.startsWith("links to") || label.equals("related plans")) {
            for (String link : value.split("\\s*,\\s*")) {
                if (!link.isBlank()) {
                    links.add(link.strip());
                }
            }
        } else if (label.equals("version") || label.matches("v\\d+(\\.\\d+)?")) {
            versionLabel = line;
            Matcher date = MONTH_YEAR.matcher(value);
            if (documentDate == null && date.find()) {
                documentDate = date.group();
            }
        } else if (label.equals("organisation")
                || label.equals("area")
                || label.equals("local authority")
                || label.equals("partnership")) {
            organisation = value;
        } else if (label.equals("title") || label.equals("plan")) {
            title = value;
        } else {
            return false;
        }
        return true;
    }

    /** "Northmoor", "Eastvale-on-Sea": a short line that names a place or a body, not a title or a sentence. */
    private static boolean isShortName(String line) {
        String[] words = line.split("\\s+");
        return words.length <= 4
                && !TITLE_WORDS.matcher(line).find()
                && !line.matches(".*\\d.*")
                && !line.endsWith(".")
                && !line.endsWith(":")
                && Character.isUpperCase(line.codePointAt(0));
    }

    /** Markdown and emphasis marks that PDF and Word exports leave around cover lines. */
    static String clean(String line) {
        return HtmlText.oneLine(line)
                .replaceAll("^#+\\s*", "")
                .replaceAll("^\\*+|\\*+$", "")
                .strip();
    }

    private static String text(Block block) {
        if (block instanceof Block.Paragraph p) {
            return p.text();
        }
        Block.TableRow row = (Block.TableRow) block;
        return row.cells().stream()
                .map(Block.Cell::text)
                .filter(s -> !s.isBlank())
                .findFirst()
                .orElse("");
    }
}
