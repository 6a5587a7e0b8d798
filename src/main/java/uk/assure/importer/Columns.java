package uk.assure.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a table's column headings mean. Plans name the same thing many ways ("Lead(s)", "Who is responsible",
 * "Lead officer"; "Timescale", "By when"; "How will we know?", "Expected impact", "Outcomes required"), so each field
 * has a list of patterns, tried in an order that settles the overlaps ("Action to date" is progress, "Areas for
 * priority action" is a finding, "Evidence of impact" is evidence).
 */
final class Columns {

    enum Field {
        REF("ref"),
        FINDING("finding"),
        ACTION("action"),
        LEAD("lead"),
        DUE("due"),
        STATUS("status"),
        SUCCESS("success criteria"),
        OVERSIGHT("oversight"),
        EVIDENCE("evidence"),
        PROGRESS("progress"),
        NEXT("progress (next steps)");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    private static final Map<Field, Pattern> PATTERNS = new EnumMap<>(Field.class);

    /** Tried in this order: the first that matches wins. */
    private static final List<Field> ORDER = List.of(
            Field.EVIDENCE,
            Field.NEXT,
            Field.PROGRESS,
            Field.STATUS,
            Field.FINDING,
            Field.OVERSIGHT,
            Field.SUCCESS,
            Field.DUE,
            Field.LEAD,
            Field.REF,
            Field.ACTION);

    static {
        PATTERNS.put(Field.EVIDENCE, Pattern.compile("evidence|scrutiny|audit programme|assurance activity"));
        PATTERNS.put(Field.NEXT, Pattern.compile("future actions?|next steps?|further actions?|planned actions?"));
        PATTERNS.put(
                Field.PROGRESS,
                Pattern.compile(
                        "progress|action(s)? to date|update|comments?|commentary|current position|position statement"
                                + "|what has been done|work (done|undertaken)|\\bactions? (completed|taken|achieved)\\b|notes?$"));
        PATTERNS.put(
                Field.STATUS,
                Pattern.compile("\\brag\\b|\\bbrag\\b|r ?/ ?a ?/ ?g|^(current )?status|status$"
                        + "|^(current )?rating$|^red ?/ ?amber ?/ ?green$"));
        PATTERNS.put(
                Field.FINDING,
                Pattern.compile("^(areas? (for|of)\\b.*|.*\\bfindings?\\b.*|.*recommendations?\\b.*"
                        + "|(related |key )?issues?( identified| to address)?|objectives?|.*\\bconcerns?\\b.*|priority( areas?)?"
                        + "|themes?|what (the )?inspectors? (said|found).*|weakness(es)?|gaps?|.*learning points?|key lines? of enquiry"
                        + "|what needs to improve|improvement needed|aims?)$"));
        PATTERNS.put(
                Field.OVERSIGHT,
                Pattern.compile("oversight|monitor|governance|reporting to|monitored by"
                        + "|accountable (body|board|group)|reports? to|assurance (body|board|group)"));
        PATTERNS.put(
                Field.SUCCESS,
                Pattern.compile("how (will|do|would|can) we know|success|expected impact|^impact"
                        + "|outcomes?|measures?|what difference|how this will be measured|intended impact|expected result"
                        + "|what will (be different|change)|difference (it|this) will make|kpis?|indicators?"));
        PATTERNS.put(
                Field.DUE,
                Pattern.compile("timescales?|by when|\\bdue\\b|deadline|target date|completion date"
                        + "|^date\\b|\\bdate$|^when$|^by$|time ?frames?|target completion|timeline|^target$|date (to be )?completed"
                        + "|completed by"));
        PATTERNS.put(
                Field.LEAD,
                Pattern.compile("\\blead(s|\\(s\\))?\\b|responsib|\\bowner|by whom|^who$|^who\\b.*" + "|accountable"));
        PATTERNS.put(
                Field.REF,
                Pattern.compile("^(ref|reference|ref no|no|number|#|item|action no|action ref|id|ref number"
                        + "|item no|s/n|action number|rec no|rec)$"));
        PATTERNS.put(
                Field.ACTION,
                Pattern.compile("^(.*\\bactions?\\b.*|key tasks?|tasks?|activit(y|ies)"
                        + "|what (will|we will|are) (we|be) (do|done|doing)|what we will do|interventions?|steps"
                        + "|what needs to (happen|be done)|how (will we|we will) (do this|address|achieve).*|deliverables?"
                        + "|what will happen|response|our response|planned response|improvement activity)$"));
    }

    private Columns() {}

    /** The heading as compared: lower case, punctuation at the ends and "(s)" plurals tidied. */
    static String normalise(String heading) {
        return HtmlText.oneLine(heading)
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replaceAll("[*:?.]+$", "")
                .replaceAll("^[*#]+", "")
                .replaceAll("\\s*&\\s*", " and ")
                .strip();
    }

    static Field classify(String heading) {
        String h = normalise(heading);
        if (h.isEmpty() || h.length() > 80) {
            return null;
        }
        for (Field field : ORDER) {
            if (PATTERNS.get(field).matcher(h).find()) {
                return field;
            }
        }
        return null;
    }

    /** A header row: its fields by column, or null when the row is not a header. */
    static Header header(Block.TableRow row) {
        List<Field> fields = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        int nonEmpty = 0;
        int known = 0;
        for (Block.Cell cell : row.cells()) {
            String text = cell.text();
            headings.add(HtmlText.oneLine(text));
            if (text.isBlank()) {
                fields.add(null);
                continue;
            }
            nonEmpty++;
            if (text.length() > 80 || text.split("\\s+").length > 10) {
                return null;
            }
            Field field = classify(text);
            fields.add(field);
            if (field != null) {
                known++;
            }
        }
        if (nonEmpty < 2 || known < 2 || known * 10 < nonEmpty * 6) {
            return null;
        }
        boolean action = fields.contains(Field.ACTION);
        boolean finding = fields.contains(Field.FINDING);
        boolean other = fields.contains(Field.LEAD)
                || fields.contains(Field.DUE)
                || fields.contains(Field.PROGRESS)
                || fields.contains(Field.STATUS)
                || fields.contains(Field.SUCCESS);
        if (!action && finding && other) {
            // "Recommendation | Lead | By when": the recommendation is what is to be done.
            fields.set(fields.indexOf(Field.FINDING), Field.ACTION);
            action = true;
        }
        if (!action || !(other || finding)) {
            return null;
        }
        return new Header(List.copyOf(headings), Collections.unmodifiableList(fields));
    }

    /** The headings of one table and the field each column feeds (null: a column no field matches). */
    record Header(List<String> headings, List<Field> fields) {

        int width() {
            return fields.size();
        }

        int column(Field field) {
            return fields.indexOf(field);
        }

        boolean has(Field field) {
            return fields.contains(field);
        }

        /** The same headings as another row, for dropping headers repeated on every page. */
        boolean sameAs(Header other) {
            return other != null && normalised().equals(other.normalised());
        }

        private List<String> normalised() {
            return headings.stream()
                    .map(Columns::normalise)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
