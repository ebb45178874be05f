package dev.cairn.plugin.data.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A column's histogram or category counts, or two distributions overlaid over the same bins (a
 * drift comparison): a Chart.js bar chart (frontend/distribution-chart.ts).
 */
@Tag("distribution-chart")
@JsModule("./distribution-chart.ts")
@NpmPackage(value = "chart.js", version = "4.5.1")
public class DistributionChart extends Component implements HasSize {

    /** One series of values, one per label. */
    public record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /** What the chart shows; every series has one value per label. */
    public record Distribution(List<String> labels, List<Series> series, String yTitle, boolean shares) {
        public Distribution {
            labels = List.copyOf(labels);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != labels.size()) {
                    throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size() + " values for "
                            + labels.size() + " labels");
                }
            }
            yTitle = yTitle == null ? "" : yTitle;
        }
    }

    private Distribution shown = new Distribution(List.of(), List.of(), "", false);

    public DistributionChart(String description) {
        getElement().setAttribute("aria-label", description);
        setWidthFull();
        setHeight("280px");
    }

    public void setDistribution(Distribution distribution) {
        this.shown = Objects.requireNonNull(distribution, "distribution");
        getElement().setPropertyJson("distribution", toJson(distribution));
    }

    /** What was last set (for tests and for text alternatives beside the chart). */
    public Distribution distribution() {
        return shown;
    }

    static ObjectNode toJson(Distribution distribution) {
        ObjectNode json = JacksonUtils.createObjectNode();
        ArrayNode labels = json.putArray("labels");
        distribution.labels().forEach(labels::add);
        ArrayNode series = json.putArray("series");
        for (Series s : distribution.series()) {
            ObjectNode one = series.addObject();
            one.put("name", s.name());
            ArrayNode values = one.putArray("values");
            s.values().forEach(v -> values.add(v == null || !Double.isFinite(v) ? 0 : v));
        }
        json.put("yTitle", distribution.yTitle());
        json.put("shares", distribution.shares());
        return json;
    }
}
