package dev.cairn.plugin.data.profile;

import java.util.List;

/**
 * How the label column's classes are spread.
 *
 * @param column   the label column
 * @param classes  each class with its count, most frequent first
 * @param labelled rows with a label
 * @param missing  rows without a label
 * @param exact    false when the label had more classes than
 *                 {@link ProfileOptions#exactDistinctLimit()}: the counts are then the frequent-items
 *                 sketch's estimates for the most frequent classes only
 */
public record ClassBalance(String column, List<ValueCount> classes, long labelled, long missing, boolean exact) {

    public ClassBalance {
        classes = List.copyOf(classes);
    }

    /** The class's share of the labelled rows, 0 for a class not seen. */
    public double share(String value) {
        return classes.stream().filter(c -> c.value().equals(value)).findFirst()
                .map(c -> labelled == 0 ? 0 : (double) c.count() / labelled).orElse(0.0);
    }
}
