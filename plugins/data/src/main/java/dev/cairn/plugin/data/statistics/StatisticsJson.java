package dev.cairn.plugin.data.statistics;

import dev.cairn.plugin.data.profile.ClassBalance;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.Estimate;
import dev.cairn.plugin.data.profile.ValueCount;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A version's statistics as the REST API returns them (docs/api.md): per column the figures the
 * pages show, the histogram's bins, the quantiles and the top values, each with whether it is exact
 * or estimated. Numbers that are not finite (no finite value was seen) are null, as JSON has no NaN.
 */
record StatisticsJson(int version, String status, String labelColumn, String computedBy, OffsetDateTime computedAt, long rows,
                      Count duplicateRows, Balance classBalance, List<Column> columns) {

    record Count(long value, boolean exact) {
        static Count of(Estimate estimate) {
            return new Count(estimate.value(), estimate.exact());
        }
    }

    record Value(String value, long count, boolean exact) {
        static Value of(ValueCount v) {
            return new Value(v.value(), v.count(), v.exact());
        }
    }

    record Balance(String column, List<Value> classes, long labelled, long missing, boolean exact) {
        static Balance of(ClassBalance b) {
            return new Balance(b.column(), b.classes().stream().map(Value::of).toList(), b.labelled(), b.missing(), b.exact());
        }
    }

    record Numbers(long count, Double min, Double max, Double mean, Double std, long nan, long infinite) {
    }

    record QuantileList(boolean exact, double rankError, List<Double> ranks, List<Double> values) {
    }

    record Bins(boolean exact, List<Double> edges, List<Long> counts) {
    }

    record TopValues(boolean exact, long maximumError, List<Value> values) {
    }

    record Lengths(long min, double mean, long max) {
    }

    record Timestamps(Instant min, Instant max) {
    }

    record Column(String name, String type, long count, long missing, double missingShare, Count distinct, Numbers numeric,
                  QuantileList quantiles, Bins histogram, TopValues topValues, Lengths lengths, Timestamps timestamps) {
    }

    static StatisticsJson of(int version, ProfileState state, DatasetProfile profile) {
        return new StatisticsJson(version, state.status().name(), state.profileLabel(), state.computedBy(), state.computedAt(), profile.rows(),
                Count.of(profile.duplicateRows()), profile.classBalance().map(Balance::of).orElse(null),
                profile.columns().stream().map(c -> column(c, profile.rows())).toList());
    }

    private static Column column(ColumnProfile c, long rows) {
        Numbers numbers = c.numeric().map(n -> new Numbers(n.count(), finite(n.min()), finite(n.max()), finite(n.mean()), finite(n.std()),
                n.nan(), n.infinite())).orElse(null);
        QuantileList quantiles = c.quantiles().map(q -> new QuantileList(q.exact(), q.rankError(), list(q.ranks()), list(q.values()))).orElse(null);
        Bins bins = ProfileFigures.histogram(c, ProfileFigures.SPARKLINE_BINS).map(h -> new Bins(h.exact(), list(h.edges()),
                Arrays.stream(h.counts()).boxed().toList())).orElse(null);
        TopValues top = new TopValues(c.topValuesMaximumError() == 0, c.topValuesMaximumError(),
                c.topValues(ProfileFigures.TOP_VALUES).stream().map(Value::of).toList());
        return new Column(c.name(), c.type().name(), c.count(), c.missing(), rows == 0 ? 0 : (double) c.missing() / rows, Count.of(c.distinct()),
                numbers, quantiles, bins, top, c.lengths().map(l -> new Lengths(l.min(), l.mean(), l.max())).orElse(null),
                c.timestamps().map(t -> new Timestamps(t.min(), t.max())).orElse(null));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).mapToObj(StatisticsJson::finite).toList();
    }
}
