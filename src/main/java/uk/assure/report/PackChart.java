package uk.assure.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import uk.assure.plan.Rag;

/**
 * A stacked bar of actions by RAG for each plan, section or agency of a pack: laid out once here and drawn twice, as
 * inline SVG on the page (and so in the PDF's source) and as a PNG for the Word document. Each RAG has a pattern as
 * well as a colour, each segment carries its number, and a legend names every pattern, so the chart never tells by
 * colour alone; the same numbers are in a table beside it.
 */
public record PackChart(int width, int height, List<Bar> bars, List<LegendKey> legend) {

    static final int LABEL_HEIGHT = 18;
    static final int BAR_HEIGHT = 24;
    static final int GAP = 14;
    static final int PLOT_WIDTH = 560;
    static final int LEGEND_ROW = 22;
    static final int LEGEND_COLUMN = 235;

    public record Bar(String label, int labelY, int y, int total, int totalX, List<Segment> segments) {}

    public record Segment(Rag rag, int count, int x, int width) {
        public boolean labelled() {
            return width >= 22;
        }
    }

    public record LegendKey(Rag rag, int x, int y) {}

    static PackChart of(List<BoardPack.Count> counts) {
        int max = Math.max(
                1, counts.stream().mapToInt(BoardPack.Count::total).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (BoardPack.Count count : counts) {
            List<Segment> segments = new ArrayList<>();
            int x = 0;
            for (Rag rag : Rag.values()) {
                int n = count.of(rag);
                if (n > 0) {
                    int w = Math.max(3, (int) Math.round((double) n * PLOT_WIDTH / max));
                    segments.add(new Segment(rag, n, x, w));
                    x += w;
                }
            }
            bars.add(new Bar(count.label(), y + 14, y + LABEL_HEIGHT, count.total(), x + 6, segments));
            y += LABEL_HEIGHT + BAR_HEIGHT + GAP;
        }
        List<LegendKey> legend = new ArrayList<>();
        int column = 0;
        for (Rag rag : Rag.values()) {
            legend.add(new LegendKey(rag, (column % 3) * LEGEND_COLUMN, y + (column / 3) * LEGEND_ROW));
            column++;
        }
        int height = y + ((Rag.values().length + 2) / 3) * LEGEND_ROW + 4;
        return new PackChart(Math.max(PLOT_WIDTH + 60, 3 * LEGEND_COLUMN), height, bars, legend);
    }

    // --- the PNG, for the Word document ---

    private static final int SCALE = 2;

    /** The chart as a PNG, with the words given for the ratings' names and a label for a row with none. */
    byte[] png(List<String> ragNames, String noLabel) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Font regular = FONT.deriveFont(13f);
            Font bold = FONT.deriveFont(Font.BOLD, 13f);
            for (Bar bar : bars) {
                g.setFont(regular);
                g.setColor(TEXT);
                g.drawString(bar.label() == null ? noLabel : abbreviate(bar.label()), 0, bar.labelY());
                for (Segment s : bar.segments()) {
                    fill(g, s.rag(), s.x(), bar.y(), s.width(), BAR_HEIGHT);
                    if (s.labelled()) {
                        g.setFont(bold);
                        g.setColor(TEXT);
                        int w = g.getFontMetrics().stringWidth(String.valueOf(s.count()));
                        g.setColor(Color.WHITE);
                        g.fillRect(s.x() + 2, bar.y() + 4, w + 4, 16);
                        g.setColor(TEXT);
                        g.drawString(String.valueOf(s.count()), s.x() + 4, bar.y() + 17);
                    }
                }
                g.setFont(regular);
                g.setColor(TEXT);
                g.drawString(String.valueOf(bar.total()), bar.totalX(), bar.y() + 17);
            }
            g.setFont(regular);
            for (LegendKey key : legend) {
                fill(g, key.rag(), key.x(), key.y() + 4, 16, 14);
                g.setColor(TEXT);
                g.drawString(ragNames.get(key.rag().ordinal()), key.x() + 22, key.y() + 16);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String pngDataUri(List<String> ragNames, String noLabel) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(ragNames, noLabel));
    }

    private static String abbreviate(String label) {
        return label.length() > 80 ? label.substring(0, 79) + "…" : label;
    }

    private static final Color TEXT = new Color(0x0b0c0c);

    /** The same colours as assure.css, and the same patterns as the page's SVG. */
    static Color colour(Rag rag) {
        return switch (rag) {
            case RED -> new Color(0x942514);
            case AMBER -> new Color(0x594d00);
            case NO_DUE_DATE -> new Color(0x4c2c92);
            case GREEN -> new Color(0x005a30);
            case AWAITING_SIGN_OFF -> new Color(0x00625e);
            case COMPLETED -> new Color(0x0c2d4a);
            case CLOSED -> new Color(0x383f43);
        };
    }

    private static void fill(Graphics2D g, Rag rag, int x, int y, int w, int h) {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = tile.createGraphics();
        t.setColor(colour(rag));
        t.fillRect(0, 0, 8, 8);
        t.setColor(new Color(255, 255, 255, 150));
        t.setStroke(new BasicStroke(1.5f));
        switch (rag) {
            case RED -> t.drawLine(0, 8, 8, 0);
            case AMBER -> t.fillOval(2, 2, 3, 3);
            case NO_DUE_DATE -> t.drawLine(0, 4, 8, 4);
            case AWAITING_SIGN_OFF -> t.drawLine(4, 0, 4, 8);
            case COMPLETED -> {
                t.drawLine(0, 4, 8, 4);
                t.drawLine(4, 0, 4, 8);
            }
            case CLOSED -> t.drawLine(0, 0, 8, 8);
            case GREEN -> {
                // solid: the one rating without a pattern
            }
        }
        t.dispose();
        g.setPaint(new TexturePaint(tile, new Rectangle(x, y, 8, 8)));
        g.fillRect(x, y, w, h);
    }

    /** DejaVu Sans, shipped with the app (its licence beside it), so the chart draws the same on every machine. */
    static final Font FONT = load("/fonts/DejaVuSans.ttf");

    private static Font load(String path) {
        try (InputStream in = PackChart.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
