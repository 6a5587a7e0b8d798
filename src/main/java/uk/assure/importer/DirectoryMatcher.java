package uk.assure.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches what a plan wrote in its lead or oversight cells ("SBC Public Health", "D. Supt. PVP", "LSCB Executive")
 * to the partnership's agencies or bodies, by name, short name or alias: the whole text first, then any alias
 * standing as whole words inside it, longest first.
 */
final class DirectoryMatcher {

    private final Map<String, Long> idsByName;
    private final List<String> namesLongestFirst;

    /** @param idsByName every name, short name and alias, each mapped to the record it names */
    DirectoryMatcher(Map<String, Long> idsByName) {
        this.idsByName = new HashMap<>();
        idsByName.forEach((name, id) -> this.idsByName.put(normalise(name), id));
        this.namesLongestFirst = new ArrayList<>(this.idsByName.keySet());
        namesLongestFirst.removeIf(n -> n.length() < 2);
        namesLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
    }

    Optional<Long> match(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(written);
        Long exact = idsByName.get(text);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (String name : namesLongestFirst) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                    .matcher(text)
                    .find()) {
                return Optional.of(idsByName.get(name));
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.UK);
    }
}
