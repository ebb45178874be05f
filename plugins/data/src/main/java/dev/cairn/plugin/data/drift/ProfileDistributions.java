package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.FeatureType;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.NumericSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * What a comparison reads of a stored profile: numbers (integer and decimal columns) as their KLL
 * sketch, exact values while few, and the exact mean and population standard deviation; categories
 * and booleans as their exact counts. Columns that hold neither kind (free text, timestamps, too
 * many categories to have been counted exactly) are listed with the reason instead.
 *
 * @param distributions the comparable columns, in the profile's order
 * @param notComparable column name to why it cannot be compared, in the profile's order
 */
public record ProfileDistributions(SequencedMap<String, ColumnDistribution> distributions,
                                   SequencedMap<String, String> notComparable) {

    public ProfileDistributions {
        distributions = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(distributions));
        notComparable = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(notComparable));
    }

    public static ProfileDistributions of(DatasetProfile profile) {
        SequencedMap<String, ColumnDistribution> distributions = new LinkedHashMap<>();
        SequencedMap<String, String> notComparable = new LinkedHashMap<>();
        for (ColumnProfile column : profile.columns()) {
            switch (column.type()) {
                case INTEGER, DECIMAL -> distributions.put(column.name(), numbers(column));
                case CATEGORICAL, BOOLEAN -> {
                    Optional<Map<String, Long>> counts = column.exactCounts();
                    if (counts.isPresent()) {
                        distributions.put(column.name(), new CategoricalDistribution(counts.get()));
                    } else {
                        notComparable.put(column.name(), "more than " + profile.options().exactDistinctLimit()
                                + " distinct values, too many to have been counted exactly");
                    }
                }
                case TEXT -> notComparable.put(column.name(), column.count() == 0 ? "no values"
                        : "free text (no category repeats often enough) is not compared");
                case TIMESTAMP -> notComparable.put(column.name(), "timestamps are not compared");
            }
        }
        return new ProfileDistributions(distributions, notComparable);
    }

    /** Whether the column was seen in the profile at all (comparable or not). */
    public boolean has(String column) {
        return distributions.containsKey(column) || notComparable.containsKey(column);
    }

    private static NumericDistribution numbers(ColumnProfile column) {
        Optional<NumericSummary> summary = column.numeric();
        long count = summary.map(NumericSummary::count).orElse(0L);
        if (count == 0) {
            return NumericDistribution.ofExactValues();
        }
        double[] exact = column.exactValues().filter(values -> values.length <= NumericDistribution.MAX_EXACT_VALUES)
                .orElse(null);
        // The profile reports the sample deviation (n - 1, as pandas); the normed Wasserstein
        // distance divides by the population one (numpy.std), as Evidently does.
        double populationStd = summary.get().std() * Math.sqrt((count - 1.0) / count);
        return NumericSketches.of(count, column.numericSketch().orElseThrow(), exact, summary.get().mean(),
                populationStd);
    }
}
