package dev.cairn.plugin.scoping.template;

import static dev.cairn.plugin.scoping.canvas.CanvasBox.BUILDING_MODELS;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.DATA_COLLECTION;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.DATA_SOURCES;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.DECISIONS;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.FEATURES;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.IMPACT_SIMULATION;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.LIVE_MONITORING;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.MAKING_PREDICTIONS;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.PREDICTION_TASK;
import static dev.cairn.plugin.scoping.canvas.CanvasBox.VALUE_PROPOSITION;

import dev.cairn.api.scoping.Direction;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates a project manager can start from. The canvas text is a draft in the words of a
 * typical project of that kind, meant to be rewritten; the targets are the usual ones with common
 * starting thresholds, meant to be agreed with the business.
 */
public final class ScopingTemplates {

    public static final ScopingTemplate BLANK = new ScopingTemplate(ScopingDocuments.BLANK_TEMPLATE, "Blank document",
            "Start from empty boxes; the guidance on each box still applies.", DataKind.STRUCTURED, Map.of(), List.of());

    public static final ScopingTemplate CHURN = new ScopingTemplate("churn-prediction", "Churn prediction",
            "Which customers are about to leave, so that someone can act in time.", DataKind.STRUCTURED, Map.of(
            VALUE_PROPOSITION, "The retention team learns each week which customers are most likely to leave, so they contact them before they do.",
            PREDICTION_TASK, "For each active customer, each week: will they cancel in the next 30 days? (binary classification)",
            DECISIONS, "The retention team contacts the customers with the highest scores, as many as they can handle each week.",
            IMPACT_SIMULATION, "Replay past months: value of a retained customer vs. the cost of a contact; compare with today's rule.",
            MAKING_PREDICTIONS, "Weekly batch scoring of all active customers before the team's week starts.",
            DATA_COLLECTION, "Cancellations are known 30 days after each prediction, from billing.",
            DATA_SOURCES, "Billing, product usage events, support tickets, plan and contract data.",
            BUILDING_MODELS, "One model, retrained monthly on the last 12 months.",
            FEATURES, "Recency and frequency of use, tenure, plan, payment failures, support contacts.",
            LIVE_MONITORING, "Retention rate of contacted customers; precision of the top of the list; input drift."),
            List.of(new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, 0.6, null),
                    new MetricTarget(MetricKind.ML, "precision", null, Direction.AT_LEAST, 0.3, null),
                    new MetricTarget(MetricKind.SOFTWARE, "batch duration", null, Direction.AT_MOST, 60, "min"),
                    new MetricTarget(MetricKind.BUSINESS, "monthly churn rate", null, Direction.AT_MOST, 2.5, "%")));

    public static final ScopingTemplate DEMAND = new ScopingTemplate("demand-forecasting", "Demand forecasting",
            "How much of each product will sell, so that stock and staff match it.", DataKind.STRUCTURED, Map.of(
            VALUE_PROPOSITION, "Planners order stock and plan staff from a forecast they trust, with fewer stock-outs and less waste.",
            PREDICTION_TASK, "For each product and store, daily: units sold on each of the next 14 days. (regression, time series)",
            DECISIONS, "Replenishment orders are computed from the forecast; planners review the largest changes.",
            IMPACT_SIMULATION, "Backtest on the last year: cost of stock-outs and of waste with the forecast vs. today's method.",
            MAKING_PREDICTIONS, "Nightly batch after sales are closed; forecasts ready before orders are placed.",
            DATA_COLLECTION, "Actual sales arrive daily from the point of sale.",
            DATA_SOURCES, "Sales history, prices and promotions, calendar and holidays, weather, store attributes.",
            BUILDING_MODELS, "One global model across products, retrained weekly.",
            FEATURES, "Lagged sales, moving averages, promotion flags, price, day of week, holidays.",
            LIVE_MONITORING, "Forecast error by product group, bias, stock-out and waste rates."),
            List.of(new MetricTarget(MetricKind.ML, "MAPE", null, Direction.AT_MOST, 20, "%"),
                    new MetricTarget(MetricKind.ML, "absolute bias", null, Direction.AT_MOST, 5, "%"),
                    new MetricTarget(MetricKind.SOFTWARE, "batch duration", null, Direction.AT_MOST, 120, "min"),
                    new MetricTarget(MetricKind.BUSINESS, "stock-out rate", null, Direction.AT_MOST, 3, "%")));

    public static final ScopingTemplate DEFECTS = new ScopingTemplate("visual-defect-detection", "Visual defect detection",
            "Find defective parts in camera images on the production line.", DataKind.UNSTRUCTURED, Map.of(
            VALUE_PROPOSITION, "Inspectors only look at the parts the system flags, and fewer defective parts reach customers.",
            PREDICTION_TASK, "For each image of a part: defective or not, and where the defect is. (image classification or detection)",
            DECISIONS, "Flagged parts are taken off the line for a human inspector; others pass.",
            IMPACT_SIMULATION, "On labelled images: cost of a missed defect (returns) vs. of a false alarm (inspector time).",
            MAKING_PREDICTIONS, "Online, on the line's edge computer, for every part, within the line's cycle time.",
            DATA_COLLECTION, "Inspectors label flagged and sampled parts; disagreements are reviewed.",
            DATA_SOURCES, "Line cameras, inspection records, part and batch identifiers.",
            BUILDING_MODELS, "One model per product family, retrained when new defect types appear.",
            FEATURES, "Images (learned features); lighting and camera position kept constant.",
            LIVE_MONITORING, "Flag rate, inspector-confirmed defects, image brightness and focus drift, latency."),
            List.of(new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, 0.95, null),
                    new MetricTarget(MetricKind.ML, "precision", null, Direction.AT_LEAST, 0.8, null),
                    new MetricTarget(MetricKind.SOFTWARE, "p95 latency", null, Direction.AT_MOST, 100, "ms"),
                    new MetricTarget(MetricKind.SOFTWARE, "throughput", null, Direction.AT_LEAST, 20, "images/s"),
                    new MetricTarget(MetricKind.BUSINESS, "defects reaching customers", null, Direction.AT_MOST, 0.1, "%")));

    public static final ScopingTemplate DOCUMENTS = new ScopingTemplate("document-classification", "Document classification",
            "Route incoming documents to the right queue without reading each one by hand.", DataKind.UNSTRUCTURED, Map.of(
            VALUE_PROPOSITION, "Clerks receive documents already sorted into the right queue and handle them sooner.",
            PREDICTION_TASK, "For each incoming document: its type among the known classes, with a confidence. (text classification)",
            DECISIONS, "Confident predictions route automatically; the rest go to a clerk who sorts them by hand.",
            IMPACT_SIMULATION, "On last month's documents: time saved vs. the cost of a misrouted document.",
            MAKING_PREDICTIONS, "Online, as each document arrives, within a few seconds.",
            DATA_COLLECTION, "Clerks' corrections of misrouted documents become new labels.",
            DATA_SOURCES, "Scanned documents (OCR text), e-mail bodies and attachments, the queue each was finally handled in.",
            BUILDING_MODELS, "One model, retrained monthly with the corrections.",
            FEATURES, "Document text (OCR), layout, sender, subject line.",
            LIVE_MONITORING, "Share routed automatically, correction rate per class, new unseen document types."),
            List.of(new MetricTarget(MetricKind.ML, "accuracy", null, Direction.AT_LEAST, 0.9, null),
                    new MetricTarget(MetricKind.ML, "macro F1", null, Direction.AT_LEAST, 0.85, null),
                    new MetricTarget(MetricKind.SOFTWARE, "p95 latency", null, Direction.AT_MOST, 500, "ms"),
                    new MetricTarget(MetricKind.BUSINESS, "share routed automatically", null, Direction.AT_LEAST, 70, "%")));

    public static final List<ScopingTemplate> ALL = List.of(BLANK, CHURN, DEMAND, DEFECTS, DOCUMENTS);

    private ScopingTemplates() {
    }

    public static Optional<ScopingTemplate> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
