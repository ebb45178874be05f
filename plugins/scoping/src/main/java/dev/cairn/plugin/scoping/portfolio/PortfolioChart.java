package dev.cairn.plugin.scoping.portfolio;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;
import dev.cairn.plugin.scoping.portfolio.CandidateService.PortfolioPoint;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The value/feasibility chart of the portfolio: a Chart.js scatter chart (frontend/portfolio-chart.ts). */
@Tag("portfolio-chart")
@JsModule("./portfolio-chart.ts")
@NpmPackage(value = "chart.js", version = "4.5.1")
public class PortfolioChart extends Component implements HasSize {

    public void setPoints(List<PortfolioPoint> points) {
        getElement().setPropertyJson("points", toJson(points));
    }

    static ArrayNode toJson(List<PortfolioPoint> points) {
        ArrayNode array = JacksonUtils.createArrayNode();
        for (PortfolioPoint point : points) {
            ObjectNode json = JacksonUtils.createObjectNode();
            json.put("project", point.project().key() + " · " + point.project().name());
            json.put("title", point.title());
            json.put("feasibility", point.feasibility());
            json.put("value", point.value());
            json.put("chosen", point.chosen());
            array.add(json);
        }
        return array;
    }
}
