package dev.cairn.api.data.drift;

import java.util.Map;
import java.util.Objects;

/**
 * A categorical column's distribution: the exact count of every category seen (missing values
 * excluded).
 *
 * @param counts category to how many rows hold it; every count is positive
 */
public record CategoricalDistribution(Map<String, Long> counts) implements ColumnDistribution {

    public CategoricalDistribution {
        Objects.requireNonNull(counts, "counts");
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("A category count names no category (null key)");
            }
            if (entry.getValue() == null || entry.getValue() <= 0) {
                throw new IllegalArgumentException("The count of category '" + entry.getKey()
                        + "' must be positive, was " + entry.getValue());
            }
        }
        counts = Map.copyOf(counts);
    }

    /** Counts the given values (a convenience for small columns and tests). */
    public static CategoricalDistribution of(String... values) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (String value : values) {
            counts.merge(value, 1L, Long::sum);
        }
        return new CategoricalDistribution(counts);
    }

    @Override
    public long count() {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }
}
