package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.html.Image;
import java.util.Arrays;
import java.util.Locale;

/**
 * A column's histogram as a small SVG built on the server: one bar per bin, scaled to the largest,
 * with an alt text and aria-label that say what it shows (a screen reader gets the words, not the
 * bars). The SVG travels as an image's data URL, never as markup in the page: a browser does not
 * parse an image into the DOM nor run anything in it, so nothing here writes HTML from strings
 * (StoredXssTest), and the page's CSP allows data: images.
 */
public final class Sparkline extends Image {

    static final int WIDTH = 120;
    static final int HEIGHT = 24;
    private final long[] counts;

    public Sparkline(long[] counts, String description) {
        super("data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(svg(counts, description)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), description);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
        getElement().setAttribute("width", String.valueOf(WIDTH));
        getElement().setAttribute("height", String.valueOf(HEIGHT));
        addClassName("cairn-sparkline");
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
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#2563eb\"/>",
                    i * width + 0.5, HEIGHT - height, Math.max(0.5, width - 1), height));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
