package dev.cairn.plugin.data.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.FrequentItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;

/**
 * A column's distinct present values and their frequencies: exact counts while there are at most
 * {@code limit}; past that an HLL sketch of the value hashes for the distinct count and a
 * frequent-items sketch for the top values. Numbers do not enter the frequent-items sketch: a
 * numeric column with that many values has no categories to rank, and the sketch would cost most
 * of the pass.
 */
final class DistinctValues {

    private final int limit;
    private final int hllLgK;
    private final int mapSize;
    /** Exact counts, or null past the limit. */
    private Map<String, Long> exact;
    HllSketch distinct;
    FrequentItemsSketch<String> frequent;

    private DistinctValues(int limit, int hllLgK, int mapSize) {
        this.limit = limit;
        this.hllLgK = hllLgK;
        this.mapSize = mapSize;
    }

    /** From exact counts: kept while within the limit, else turned into sketches. */
    static DistinctValues of(Map<String, Long> counts, ProfileOptions options) {
        DistinctValues values = new DistinctValues(options.exactDistinctLimit(), options.hllLgK(),
                options.frequentItemsMapSize());
        values.exact = counts;
        if (counts.size() > values.limit) {
            values.toSketches();
        }
        return values;
    }

    /** From the exact counts so far, as sketches from now on (streaming past the staging bound). */
    static DistinctValues sketched(Map<String, Long> counts, ProfileOptions options) {
        DistinctValues values = new DistinctValues(options.exactDistinctLimit(), options.hllLgK(),
                options.frequentItemsMapSize());
        values.exact = counts;
        values.toSketches();
        return values;
    }

    /** From stored sketches. */
    static DistinctValues of(HllSketch distinct, FrequentItemsSketch<String> frequent, ProfileOptions options) {
        DistinctValues values = new DistinctValues(options.exactDistinctLimit(), options.hllLgK(),
                options.frequentItemsMapSize());
        values.distinct = distinct;
        values.frequent = frequent;
        return values;
    }

    /** Counts one more occurrence while streaming past the limit. */
    void update(String value, long hash, boolean number) {
        distinct.update(hash);
        if (!number) {
            frequent.update(value);
        }
    }

    private void toSketches() {
        HllSketch hll = new HllSketch(hllLgK, TgtHllType.HLL_8);
        FrequentItemsSketch<String> items = new FrequentItemsSketch<>(mapSize);
        NumberParser parser = new NumberParser();
        exact.forEach((value, count) -> {
            hll.update(ValueHash.of(value));
            if (parser.parse(value) == NumberParser.NOT_A_NUMBER) {
                items.update(value, count);
            }
        });
        distinct = hll;
        frequent = items;
        exact = null;
    }

    void merge(DistinctValues other) {
        if (exact != null && other.exact != null) {
            Map<String, Long> sum = new LinkedHashMap<>(exact);
            other.exact.forEach((value, count) -> sum.merge(value, count, Long::sum));
            exact = sum;
            if (sum.size() > limit) {
                toSketches();
            }
            return;
        }
        if (exact != null) {
            toSketches();
        }
        DistinctValues theirs = other;
        if (other.exact != null) {
            theirs = new DistinctValues(limit, hllLgK, mapSize);
            theirs.exact = other.exact;
            theirs.toSketches();
        }
        HllUnion union = new HllUnion(hllLgK);
        union.update(distinct);
        union.update(theirs.distinct);
        distinct = union.getResult(TgtHllType.HLL_8);
        frequent.merge(theirs.frequent);
    }

    boolean isExact() {
        return exact != null;
    }

    Estimate count() {
        return exact != null ? Estimate.exactly(exact.size()) : Estimate.estimated(distinct.getEstimate());
    }

    /** The k most frequent values, ties in alphabetical order; estimates past the limit. */
    List<ValueCount> top(int k) {
        List<ValueCount> all = new ArrayList<>();
        if (exact != null) {
            exact.forEach((value, count) -> all.add(new ValueCount(value, count, true)));
        } else {
            for (FrequentItemsSketch.Row<String> row : frequent.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                all.add(new ValueCount(row.getItem(), row.getEstimate(), false));
            }
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return all.size() > k ? List.copyOf(all.subList(0, k)) : List.copyOf(all);
    }

    /** Past the limit: the most an estimated frequency is off by. */
    long maximumError() {
        return exact != null ? 0 : frequent.getMaximumError();
    }

    /** The exact counts, most frequent first, or null past the limit. */
    Map<String, Long> exactCounts() {
        if (exact == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        top(exact.size()).forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }
}
