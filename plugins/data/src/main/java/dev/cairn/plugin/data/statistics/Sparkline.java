package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.Html;
import java.util.Arrays;
import java.util.Locale;

/**
 * A column's histogram as a small inline SVG built on the server: one bar per bin, scaled to the
 * largest, with an aria-label that says what it shows (a screen reader gets the words, not the bars).
 */
public final class Sparkline extends Html {

    static final int WIDTH = 120;
    static final int HEIGHT = 24;
    private final long[] counts;

    public Sparkline(long[] counts, String description) {
        super(svg(counts, description));
        this.counts = counts.clone();
    }

    /** The bars' counts (for tests and text alternatives). */
    public long[] counts() {
        return counts.clone();
    }

    static String svg(long[] counts, String description) {
        long max = Arrays.stream(counts).max().orElse(0);
        double width = counts.length == 0 ? WIDTH : (double) WIDTH / counts.length;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cairn-sparkline\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"%s\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT, escape(description)));
        for (int i = 0; i < counts.length; i++) {
            double height = max == 0 ? 0 : Math.max(counts[i] > 0 ? 1 : 0, (double) HEIGHT * counts[i] / max);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"currentColor\"/>",
                    i * width + 0.5, HEIGHT - height, Math.max(0.5, width - 1), height));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
