package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.ColumnKind;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.data.drift.FeatureOverride;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.OverlaidHistogram;
import dev.cairn.api.data.drift.DriftComparison;
import java.util.ArrayList;
import org.springframework.stereotype.Component;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The comparison with Evidently's defaults: each feature's method chosen from the reference's size
 * (or overridden), every other applicable measure reported beside it, and the dataset's verdict from
 * the share of drifted features. A feature that cannot be compared (absent on one side, no values,
 * numbers on one side and categories on the other, an override that does not fit) says why and is
 * left out of the share, where Evidently would stop the whole report with an error.
 */
@Component
public final class DriftComparator implements DriftComparison {

    /** The overlaid chart shows at most this many category bins; the rest are gathered into one. */
    static final int MAX_CHART_CATEGORIES = 30;

    @Override
    public DriftReport compare(SequencedMap<String, ColumnDistribution> reference,
                               SequencedMap<String, ColumnDistribution> current, DriftSettings settings) {
        Set<String> names = new LinkedHashSet<>(reference.keySet());
        names.addAll(current.keySet());
        List<FeatureDrift> features = new ArrayList<>();
        for (String name : names) {
            features.add(compareFeature(name, reference.get(name), current.get(name), settings.overrides().get(name)));
        }
        int compared = (int) features.stream().filter(FeatureDrift::compared).count();
        int drifted = (int) features.stream().filter(FeatureDrift::drifted).count();
        double share = compared == 0 ? 0 : (double) drifted / compared;
        return new DriftReport(features, compared, drifted, share, settings.driftShare(),
                compared > 0 && share >= settings.driftShare());
    }

    @Override
    public NumericDistribution numbers(double... values) {
        return NumericSketches.of(values);
    }

    /** One feature's comparison; either distribution may be null (the feature is on one side only). */
    public FeatureDrift compareFeature(String name, ColumnDistribution reference, ColumnDistribution current,
                                       FeatureOverride override) {
        if (reference == null) {
            return FeatureDrift.notCompared(name, ColumnKind.of(current), "not in the reference");
        }
        if (current == null) {
            return FeatureDrift.notCompared(name, ColumnKind.of(reference), "missing from the current data");
        }
        ColumnKind kind = ColumnKind.of(reference);
        if (kind != ColumnKind.of(current)) {
            return FeatureDrift.notCompared(name, null, describe(kind) + " in the reference but "
                    + describe(ColumnKind.of(current)) + " in the current data");
        }
        if (reference.count() == 0) {
            return FeatureDrift.notCompared(name, kind, "the reference has no values");
        }
        if (current.count() == 0) {
            return FeatureDrift.notCompared(name, kind, "the current data has no values");
        }
        Pair pair;
        try {
            pair = Pair.of(reference, current);
        } catch (IllegalArgumentException unreadable) {
            return FeatureDrift.notCompared(name, kind, unreadable.getMessage());
        }
        DriftMethod method = override != null && override.method() != null ? override.method()
                : MethodChoice.evidentlyDefault(kind, reference.count(), pair.distinctOnBothSides());
        if (!method.appliesTo(kind)) {
            return FeatureDrift.notCompared(name, kind, "the override's " + method.label() + " does not apply to "
                    + describe(kind));
        }
        double threshold = override != null && override.threshold() != null ? override.threshold()
                : method.defaultThreshold();
        String problem = method.thresholdProblem(threshold);
        if (problem != null) {
            return FeatureDrift.notCompared(name, kind, "override: " + problem);
        }
        DriftMeasurement verdict = pair.measure(method, threshold);
        List<DriftMeasurement> measurements = new ArrayList<>();
        measurements.add(verdict);
        for (DriftMethod other : pair.alsoApplicable()) {
            if (other != method) {
                measurements.add(pair.measure(other, other.defaultThreshold()));
            }
        }
        return new FeatureDrift(name, kind, verdict, override != null, measurements, pair.histogram(), null);
    }

    private static String describe(ColumnKind kind) {
        return kind == ColumnKind.NUMERIC ? "numbers" : "categories";
    }

    /** The two sides of one feature, in the forms the measures read. */
    private sealed interface Pair {

        static Pair of(ColumnDistribution reference, ColumnDistribution current) {
            if (reference instanceof NumericDistribution ref && current instanceof NumericDistribution cur) {
                return new Numbers(EmpiricalDistribution.of(ref), EmpiricalDistribution.of(cur), ref.standardDeviation());
            }
            return new Categories(SharedBins.categories((CategoricalDistribution) reference,
                    (CategoricalDistribution) current));
        }

        int distinctOnBothSides();

        DriftMeasurement measure(DriftMethod method, double threshold);

        List<DriftMethod> alsoApplicable();

        OverlaidHistogram histogram();
    }

    private record Numbers(EmpiricalDistribution reference, EmpiricalDistribution current, double referenceStd)
            implements Pair {

        @Override
        public int distinctOnBothSides() {
            return EmpiricalDistribution.union(reference, current).length;
        }

        @Override
        public DriftMeasurement measure(DriftMethod method, double threshold) {
            return switch (method) {
                case KOLMOGOROV_SMIRNOV -> KolmogorovSmirnov.measure(reference, current, threshold);
                case WASSERSTEIN_NORMED -> Wasserstein.measure(reference, current, referenceStd, threshold);
                case CHI_SQUARED -> CategoryTests.chiSquared(SharedBins.distinctValues(reference, current), threshold);
                case Z_TEST -> CategoryTests.zTest(SharedBins.distinctValues(reference, current), threshold);
                case JENSEN_SHANNON_DISTANCE ->
                        Divergences.jensenShannonDistance(SharedBins.evidently(reference, current), threshold);
                case PSI -> Divergences.psi(SharedBins.evidently(reference, current), threshold);
                case APPROXIMATE_JS_DIVERGENCE -> TfdvJensenShannon.numeric(reference, current, threshold);
                case L_INFINITY -> throw new IllegalArgumentException("L-infinity applies to categories only");
            };
        }

        @Override
        public List<DriftMethod> alsoApplicable() {
            return List.of(DriftMethod.KOLMOGOROV_SMIRNOV, DriftMethod.WASSERSTEIN_NORMED,
                    DriftMethod.JENSEN_SHANNON_DISTANCE, DriftMethod.PSI, DriftMethod.APPROXIMATE_JS_DIVERGENCE);
        }

        @Override
        public OverlaidHistogram histogram() {
            return chart(SharedBins.evidently(reference, current), false);
        }
    }

    private record Categories(SharedBins bins) implements Pair {

        @Override
        public int distinctOnBothSides() {
            return bins.size();
        }

        @Override
        public DriftMeasurement measure(DriftMethod method, double threshold) {
            return switch (method) {
                case CHI_SQUARED -> CategoryTests.chiSquared(bins, threshold);
                case Z_TEST -> CategoryTests.zTest(bins, threshold);
                case JENSEN_SHANNON_DISTANCE -> Divergences.jensenShannonDistance(bins, threshold);
                case PSI -> Divergences.psi(bins, threshold);
                case L_INFINITY -> Divergences.lInfinity(bins, threshold);
                case APPROXIMATE_JS_DIVERGENCE -> TfdvJensenShannon.categorical(bins, threshold);
                case KOLMOGOROV_SMIRNOV, WASSERSTEIN_NORMED ->
                        throw new IllegalArgumentException(method.label() + " applies to numbers only");
            };
        }

        @Override
        public List<DriftMethod> alsoApplicable() {
            List<DriftMethod> methods = new ArrayList<>(List.of(DriftMethod.CHI_SQUARED,
                    DriftMethod.JENSEN_SHANNON_DISTANCE, DriftMethod.PSI, DriftMethod.L_INFINITY,
                    DriftMethod.APPROXIMATE_JS_DIVERGENCE));
            if (bins.size() <= MethodChoice.TWO_VALUES) {
                methods.add(1, DriftMethod.Z_TEST);
            }
            return methods;
        }

        @Override
        public OverlaidHistogram histogram() {
            return chart(bins, true);
        }
    }

    /** The chart's bins; categories beyond the most common 29 (both sides together) become one "other" bin. */
    static OverlaidHistogram chart(SharedBins bins, boolean categories) {
        double[] ref = bins.referenceShares();
        double[] cur = bins.currentShares();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            order.add(i);
        }
        boolean gather = categories && bins.size() > MAX_CHART_CATEGORIES;
        List<Integer> shown = order;
        if (gather) {
            shown = order.stream().sorted(Comparator.comparingDouble((Integer i) -> -(ref[i] + cur[i]))
                    .thenComparing(bins.labels::get)).limit(MAX_CHART_CATEGORIES - 1).sorted().toList();
        }
        List<OverlaidHistogram.Bin> result = new ArrayList<>();
        double otherRef = 1;
        double otherCur = 1;
        for (int i : shown) {
            result.add(new OverlaidHistogram.Bin(bins.labels.get(i), bins.lows == null ? null : bins.lows[i],
                    bins.highs == null ? null : bins.highs[i], ref[i], cur[i]));
            otherRef -= ref[i];
            otherCur -= cur[i];
        }
        if (gather) {
            result.add(new OverlaidHistogram.Bin("(" + (bins.size() - shown.size()) + " other categories)", null, null,
                    Math.max(0, otherRef), Math.max(0, otherCur)));
        }
        return new OverlaidHistogram(result, gather);
    }

}
