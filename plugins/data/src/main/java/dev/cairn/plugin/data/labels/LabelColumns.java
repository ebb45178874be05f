package dev.cairn.plugin.data.labels;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a version hold the labellers' labels (one column per labeller), and optionally
 * a key column (an id) that the disagreeing rows carry so that relabelling finds them.
 *
 * @param labellers two or more distinct column names
 * @param key       the key column, or null for none (rows are then named by number only)
 */
public record LabelColumns(List<String> labellers, String key) {

    public LabelColumns {
        Objects.requireNonNull(labellers, "labellers");
        labellers = labellers.stream().map(name -> name == null ? "" : name.strip()).toList();
        if (labellers.size() < 2) {
            throw new IllegalArgumentException("Label columns: choose at least two (one per labeller), not " + labellers.size() + ".");
        }
        if (labellers.contains("")) {
            throw new IllegalArgumentException("Label columns: a column name is empty.");
        }
        if (new HashSet<>(labellers).size() != labellers.size()) {
            throw new IllegalArgumentException("Label columns: each column may be chosen once; " + labellers + " repeats one.");
        }
        key = key == null || key.isBlank() ? null : key.strip();
        if (key != null && labellers.contains(key)) {
            throw new IllegalArgumentException("Key column: " + key + " is also a label column; choose an id column, or none.");
        }
    }

    public LabelColumns(List<String> labellers) {
        this(labellers, null);
    }
}
