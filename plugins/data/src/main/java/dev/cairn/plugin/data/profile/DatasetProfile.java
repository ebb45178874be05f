package dev.cairn.plugin.data.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of a dataset version (or of a batch of one): rows, duplicate rows, every
 * column's profile and the label's class balance. Immutable once built; {@link #merge} gives the
 * profile of both batches without re-reading either, and {@link ProfileCodec} stores it with the
 * version.
 */
public final class DatasetProfile {

    private final ProfileOptions options;
    private final List<ColumnAccumulator> columns;
    private final RowDuplicates duplicates;
    private final List<ColumnProfile> views;

    DatasetProfile(ProfileOptions options, List<ColumnAccumulator> columns, RowDuplicates duplicates) {
        this.options = options;
        this.columns = List.copyOf(columns);
        this.duplicates = duplicates;
        this.views = this.columns.stream().map(ColumnProfile::new).toList();
    }

    public ProfileOptions options() {
        return options;
    }

    public long rows() {
        return duplicates.rows;
    }

    /** Rows equal, field for field as written, to an earlier row; exact or estimated (said which). */
    public Estimate duplicateRows() {
        return duplicates.count();
    }

    public List<String> columnNames() {
        return columns.stream().map(c -> c.name).toList();
    }

    public List<ColumnProfile> columns() {
        return views;
    }

    public ColumnProfile column(String name) {
        return views.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in this profile (columns: "
                        + String.join(", ", columnNames()) + ")"));
    }

    /** The label column's classes, when the options named a label. */
    public Optional<ClassBalance> classBalance() {
        if (options.labelColumn() == null) {
            return Optional.empty();
        }
        ColumnProfile label = column(options.labelColumn());
        ColumnAccumulator accumulator = label.accumulator();
        boolean exact = accumulator.distinct.isExact();
        int shown = exact ? Integer.MAX_VALUE : options.exactDistinctLimit();
        return Optional.of(new ClassBalance(label.name(), label.topValues(shown), label.count(), label.missing(), exact));
    }

    /**
     * The profile of this batch and {@code other} together, as if one pass had read both; neither
     * is changed. Both must have the same columns in the same order and the same options.
     */
    public DatasetProfile merge(DatasetProfile other) {
        if (!columnNames().equals(other.columnNames())) {
            throw new IllegalArgumentException("profiles of different columns do not merge: " + columnNames()
                    + " and " + other.columnNames());
        }
        if (!options.mergeableWith(other.options)) {
            throw new IllegalArgumentException("profiles computed with different options do not merge: " + options
                    + " and " + other.options);
        }
        DatasetProfile merged = ProfileCodec.copy(this);
        DatasetProfile theirs = ProfileCodec.copy(other);
        for (int i = 0; i < merged.columns.size(); i++) {
            merged.columns.get(i).merge(theirs.columns.get(i));
        }
        merged.duplicates.merge(theirs.duplicates);
        // New views: a column's type depends on the merged counts.
        return new DatasetProfile(options, merged.columns, merged.duplicates);
    }

    List<ColumnAccumulator> accumulators() {
        return Collections.unmodifiableList(new ArrayList<>(columns));
    }

    RowDuplicates rowDuplicates() {
        return duplicates;
    }
}
