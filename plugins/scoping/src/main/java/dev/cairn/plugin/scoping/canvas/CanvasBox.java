package dev.cairn.plugin.scoping.canvas;

/**
 * The ten boxes of the Machine Learning Canvas, with the question each answers and an example.
 * Boxes marked required must be filled before the scoping document can be approved.
 */
public enum CanvasBox {
    VALUE_PROPOSITION("Value proposition", true,
            "Who is the end user, what are they trying to achieve, and how will predictions help them?",
            "Retention agents see each morning which subscribers are likely to leave, so they call them first."),
    PREDICTION_TASK("Prediction task", true,
            "What is predicted, for which entity, at what time, and what are the possible outcomes?",
            "For each active subscriber, every Monday: will they cancel within 30 days (yes/no)?"),
    DECISIONS("Decisions", true,
            "Which decisions are made from the predictions, by whom or what, and how?",
            "Agents call the 200 subscribers with the highest churn score and may offer a discount."),
    IMPACT_SIMULATION("Impact simulation", false,
            "Before deploying: how will you estimate the value on past data, and what do errors cost?",
            "Replay last quarter: a missed churner costs 240 EUR, a wasted call 6 EUR."),
    MAKING_PREDICTIONS("Making predictions", true,
            "When and how often are predictions made, in batch or online, and how fast must they be?",
            "A weekly batch on Sunday night; results ready by 07:00 Monday."),
    DATA_COLLECTION("Data collection", false,
            "How do new labelled examples arrive, and at what cost?",
            "Cancellations are recorded by billing; labels are known 30 days after each prediction."),
    DATA_SOURCES("Data sources", true,
            "Which internal and external sources does the system read?",
            "Billing database, product usage events, support tickets."),
    BUILDING_MODELS("Building models", false,
            "How many models, how often retrained, and with what time and compute?",
            "One model, retrained monthly; training under one hour on one machine."),
    FEATURES("Features", false,
            "Which input representations are extracted from the sources?",
            "Days since last login, tickets in 90 days, plan, tenure, payment failures."),
    LIVE_MONITORING("Live monitoring", true,
            "Which metrics show, in production, that the system delivers its value and works?",
            "Weekly retention of called subscribers; prediction drift; batch run time.");

    private final String title;
    private final boolean required;
    private final String question;
    private final String example;

    CanvasBox(String title, boolean required, String question, String example) {
        this.title = title;
        this.required = required;
        this.question = question;
        this.example = example;
    }

    public String title() {
        return title;
    }

    public boolean required() {
        return required;
    }

    public String question() {
        return question;
    }

    public String example() {
        return example;
    }
}
