package uk.assure.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a newer version of a plan lines up with the one held: each incoming action is matched to at most one held
 * action, by the same text, else by the same ref with much the same words; the rest are new. Held actions left
 * unmatched are missing, for a person to decide on; nothing is ever deleted.
 */
public record VersionMatch(List<Pair> matched, List<ParsedPlan.Action> added, List<Held> missing) {

    static final double SAME_WORDS = 0.5;

    /** An action already held, as far as matching needs it. */
    public record Held(
            String externalId, String ref, String text, String dueRaw, String status, String statusWord, int version) {}

    public record Pair(Held held, ParsedPlan.Action incoming) {
        public boolean dueChanged() {
            return incoming.dueRaw() != null && !incoming.dueRaw().equals(held.dueRaw());
        }
    }

    public static VersionMatch of(List<Held> held, List<ParsedPlan.Action> incoming) {
        Set<Held> used = new HashSet<>();
        List<Pair> matched = new ArrayList<>();
        List<ParsedPlan.Action> added = new ArrayList<>();
        for (ParsedPlan.Action action : incoming) {
            Held match = bestMatch(held, used, action);
            if (match == null) {
                added.add(action);
            } else {
                used.add(match);
                matched.add(new Pair(match, action));
            }
        }
        List<Held> missing = held.stream().filter(h -> !used.contains(h)).toList();
        return new VersionMatch(matched, added, missing);
    }

    private static Held bestMatch(List<Held> held, Set<Held> used, ParsedPlan.Action action) {
        String text = normalise(action.text());
        for (Held h : held) {
            if (!used.contains(h) && normalise(h.text()).equals(text)) {
                return h;
            }
        }
        Held best = null;
        double bestScore = SAME_WORDS;
        for (Held h : held) {
            if (used.contains(h)) {
                continue;
            }
            double score = similarity(h.text(), action.text());
            boolean sameRef = h.ref() != null && h.ref().equals(action.ref());
            if ((sameRef && score >= SAME_WORDS || score >= 0.8) && score >= bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return best;
    }

    /** Shared words over all words (Jaccard), on lower-case words of three letters or more. */
    static double similarity(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(left);
        shared.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) shared.size() / all.size();
    }

    private static Set<String> words(String s) {
        return Arrays.stream(normalise(s).split(" "))
                .filter(w -> w.length() >= 3)
                .collect(Collectors.toSet());
    }

    private static String normalise(String s) {
        return s == null
                ? ""
                : s.toLowerCase(Locale.UK).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
