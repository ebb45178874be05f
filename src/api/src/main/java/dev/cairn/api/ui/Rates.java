package dev.cairn.api.ui;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Metrics whose values are rates or shares, in [0, 1]: recall, precision, accuracy, F1, AUC and
 * the like (also "recall@10"). Forms use it to range-check the value typed for such a metric, and
 * services to refuse 45 for a recall that was meant as 0.45.
 */
public final class Rates {

    private static final Pattern RATE = Pattern.compile(
            "(recall|precision|accuracy|balanced_accuracy|f1|f1_\\w+|f-?score|f_?beta|auc|roc_auc|pr_auc|average_precision"
                    + "|specificity|sensitivity|tpr|fpr|fnr|tnr|hit_rate|coverage|error_rate)([@_.-]\\w+)?");

    private Rates() {
    }

    public static boolean isRate(String metricName) {
        return metricName != null && RATE.matcher(metricName.strip().toLowerCase(Locale.ROOT)).matches();
    }
}
