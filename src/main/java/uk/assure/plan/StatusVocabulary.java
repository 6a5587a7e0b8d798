package uk.assure.plan;

import static uk.assure.plan.ActionStatus.CLOSED;
import static uk.assure.plan.ActionStatus.COMPLETED;
import static uk.assure.plan.ActionStatus.IN_PROGRESS;
import static uk.assure.plan.ActionStatus.NOT_STARTED;
import static uk.assure.plan.ActionStatus.SUPERSEDED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the words plans use for status. A progress cell often starts with a status and runs on into narrative
 * ("Completed Further independent review ... June 2010"), so the first phrase at the start of the cell is what counts.
 */
public final class StatusVocabulary {

    /** What a cell said: our status, and the plan's own word as written, for display. */
    public record Reading(ActionStatus status, String word) {}

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final List<Phrase<ActionStatus>> STATUS_PHRASES = phrases(Map.ofEntries(
            Map.entry("Completed", COMPLETED),
            Map.entry("Complete", COMPLETED),
            Map.entry("Done", COMPLETED),
            Map.entry("Achieved", COMPLETED),
            Map.entry("Work underway", IN_PROGRESS),
            Map.entry("Underway", IN_PROGRESS),
            Map.entry("In progress", IN_PROGRESS),
            Map.entry("On track", IN_PROGRESS),
            Map.entry("Behind schedule", IN_PROGRESS),
            Map.entry("Ongoing", IN_PROGRESS),
            Map.entry("Started", IN_PROGRESS),
            Map.entry("Partially complete", IN_PROGRESS),
            Map.entry("Partially completed", IN_PROGRESS),
            Map.entry("Delayed", IN_PROGRESS),
            Map.entry("At risk", IN_PROGRESS),
            Map.entry("Outstanding", NOT_STARTED),
            Map.entry("Not started", NOT_STARTED),
            Map.entry("Not yet started", NOT_STARTED),
            Map.entry("Planned", NOT_STARTED),
            Map.entry("To do", NOT_STARTED),
            Map.entry("Closed", CLOSED),
            Map.entry("Superseded", SUPERSEDED),
            Map.entry("Replaced", SUPERSEDED),
            Map.entry("Red", IN_PROGRESS),
            Map.entry("Amber", IN_PROGRESS),
            Map.entry("Green", IN_PROGRESS),
            Map.entry("Blue", COMPLETED),
            Map.entry("R", IN_PROGRESS),
            Map.entry("A", IN_PROGRESS),
            Map.entry("G", IN_PROGRESS),
            Map.entry("B", COMPLETED),
            Map.entry("C", COMPLETED)));

    private static final List<Phrase<Rag>> RAG_PHRASES = phrases(Map.of(
            "Red", Rag.RED,
            "Amber", Rag.AMBER,
            "Green", Rag.GREEN,
            "Behind schedule", Rag.RED,
            "On track", Rag.GREEN,
            "R", Rag.RED,
            "A", Rag.AMBER,
            "G", Rag.GREEN));

    /** The plan's words for an action that is under way but behind: the lead's own judgement that it is off track. */
    private static final List<Phrase<Boolean>> OFF_TRACK_PHRASES =
            phrases(Map.of("Behind schedule", true, "Delayed", true, "At risk", true));

    private StatusVocabulary() {}

    /** True when the plan's word says the action is behind: "Behind schedule", "Delayed", "At risk". */
    public static boolean isOffTrack(String word) {
        return firstMatch(OFF_TRACK_PHRASES, word).isPresent();
    }

    public static Optional<ActionStatus> interpret(String word) {
        return read(word).map(Reading::status);
    }

    public static Optional<Reading> read(String cell) {
        return firstMatch(STATUS_PHRASES, cell).map(m -> new Reading(m.meaning(), m.word()));
    }

    /** The RAG rating a plan declares in its own column, when it does; never the one we show as computed. */
    public static Optional<Rag> declaredRag(String word) {
        return firstMatch(RAG_PHRASES, word).map(Match::meaning);
    }

    private static <T> Optional<Match<T>> firstMatch(List<Phrase<T>> phrases, String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        for (Phrase<T> phrase : phrases) {
            Matcher m = phrase.pattern().matcher(cell);
            if (m.lookingAt()) {
                return Optional.of(
                        new Match<>(phrase.meaning(), SPACES.matcher(m.group(1)).replaceAll(" ")));
            }
        }
        return Optional.empty();
    }

    /** Longest first, so a phrase is never cut short by a shorter one that starts the same way. */
    private static <T> List<Phrase<T>> phrases(Map<String, T> words) {
        List<Phrase<T>> phrases = new ArrayList<>();
        words.forEach((text, meaning) -> phrases.add(new Phrase<>(text, meaning, pattern(text))));
        phrases.sort(Comparator.comparingInt((Phrase<T> p) -> p.text().length())
                .reversed()
                .thenComparing(Phrase::text));
        return List.copyOf(phrases);
    }

    /**
     * Words may be split by any run of spaces or a hyphen ("In-progress"), and must end at a word boundary so that
     * "Complete" does not read "Completely". A single letter counts only as the whole cell: "A review was held"
     * is narrative, not Amber.
     */
    private static Pattern pattern(String text) {
        String words = Arrays.stream(SPACES.split(text)).map(Pattern::quote).collect(Collectors.joining("[\\s\\-_]+"));
        String end = text.length() == 1 ? "\\s*\\z" : "(?![\\p{L}\\p{N}])";
        return Pattern.compile(
                "\\s*(" + words + ")" + end,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    private record Phrase<T>(String text, T meaning, Pattern pattern) {}

    private record Match<T>(T meaning, String word) {}
}
