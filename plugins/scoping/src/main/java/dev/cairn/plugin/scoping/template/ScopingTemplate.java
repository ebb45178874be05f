package dev.cairn.plugin.scoping.template;

import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import java.util.List;
import java.util.Map;

/** A starting point for a scoping document: canvas text to adapt, the usual kind of data, typical metric targets. */
public record ScopingTemplate(String id, String title, String summary, DataKind dataKind, Map<CanvasBox, String> canvas,
                              List<MetricTarget> targets) {

    public ScopingTemplate {
        canvas = Map.copyOf(canvas);
        targets = List.copyOf(targets);
    }
}
