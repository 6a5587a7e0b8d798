package uk.assure.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import uk.assure.plan.Worklists.Count;

/**
 * A stacked bar per plan (or section, or agency) of its actions by RAG, laid out for an inline SVG: every segment
 * is a link to the list it counts and carries its number as text, so the chart never tells by colour alone; the
 * same numbers are in a table beside it.
 */
public record RagChart(int width, int height, List<Bar> bars) {

    static final int LABEL_WIDTH = 0;
    static final int BAR_HEIGHT = 28;
    static final int GAP = 26;

    public record Bar(String label, int y, int total, List<Segment> segments) {}

    public record Segment(Rag rag, int count, int x, int width, String href) {
        public String cssClass() {
            return "assure-chart__" + rag.name().toLowerCase(Locale.ROOT);
        }

        public boolean labelled() {
            return width >= 22;
        }
    }

    static RagChart of(List<Count> counts, int width, BiFunction<Count, Rag, String> href) {
        int max = counts.stream().mapToInt(Count::total).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Count count : counts) {
            List<Segment> segments = new ArrayList<>();
            int x = 0;
            for (Rag rag : Rag.values()) {
                int n = count.of(rag);
                if (n == 0) {
                    continue;
                }
                int w = Math.max(2, (int) Math.round((double) n * width / Math.max(1, max)));
                segments.add(new Segment(rag, n, x, w, href.apply(count, rag)));
                x += w;
            }
            bars.add(new Bar(count.label(), y + 18, count.total(), segments));
            y += BAR_HEIGHT + GAP;
        }
        return new RagChart(width + 60, Math.max(y, 1), bars);
    }
}
