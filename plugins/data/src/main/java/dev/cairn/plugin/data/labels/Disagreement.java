package dev.cairn.plugin.data.labels;

import java.util.List;

/**
 * A row whose labellers gave different labels.
 *
 * @param row    the row's number in the version, 1 for the first row after the header
 * @param key    the key column's value, or null when no key column was chosen
 * @param labels each labeller's label in the order of the label columns; "" where one gave none
 */
public record Disagreement(long row, String key, List<String> labels) {

    public Disagreement {
        labels = List.copyOf(labels);
    }
}
