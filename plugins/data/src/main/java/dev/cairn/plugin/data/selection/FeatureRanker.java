package dev.cairn.plugin.data.selection;

import dev.cairn.api.data.transform.Operation;
import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import dev.cairn.plugin.data.selection.FeatureRanking.LabelKind;
import dev.cairn.plugin.data.selection.FeatureRanking.Measure;
import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import dev.cairn.plugin.data.selection.FeatureRanking.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Scores every feature of a sample against a label: mutual information, the absolute correlation
 * (Pearson for a numeric feature against a numeric or two-class label, Cramér's V otherwise), and
 * Tribuo's four selectors. Rows without a label are left out. A pure function of its input.
 */
public final class FeatureRanker {

    private FeatureRanker() {
    }

    /**
     * @param progress told the fraction done (0 to 1) of the scoring
     * @throws IllegalArgumentException naming the label's problem: not a column, fewer than two values, no other column
     */
    static FeatureRanking rank(SampledColumns sample, String label, SelectionOptions options, DoubleConsumer progress,
                               BooleanSupplier cancelled) {
        int labelIndex = sample.header().indexOf(label);
        if (labelIndex < 0) {
            throw new IllegalArgumentException("Label: the version has no column " + label + ".");
        }
        if (sample.header().size() < 2) {
            throw new IllegalArgumentException("Label: the version has no column besides " + label + " to rank.");
        }
        String[] labelValues = sample.column(labelIndex);
        int[] kept = java.util.stream.IntStream.range(0, labelValues.length).filter(i -> !Operation.isMissing(labelValues[i])).toArray();
        CodedLabel coded = CodedLabel.of(label, pick(labelValues, kept), options.bins());
        if (coded.symbols() < 2) {
            throw new IllegalArgumentException("Label: " + label + " has " + (coded.symbols() == 0 ? "no value" : "a single value")
                    + " in the " + sample.rows() + " rows read: there is nothing to rank the features against.");
        }
        List<CodedColumn> features = new ArrayList<>();
        for (int c = 0; c < sample.header().size(); c++) {
            if (c != labelIndex) {
                features.add(CodedColumn.of(sample.header().get(c), pick(sample.column(c), kept), options.bins()));
            }
        }
        int[] labelCodes = coded.column().codes();
        double[] mutualInformation = new double[features.size()];
        for (int f = 0; f < features.size(); f++) {
            CodedColumn feature = features.get(f);
            mutualInformation[f] = Association.mutualInformation(feature.withMissingAsCode(), feature.alphabet(), labelCodes, coded.symbols());
        }
        progress.accept(0.2);
        int symbols = features.stream().mapToInt(CodedColumn::alphabet).max().orElse(2);
        int[] step = {0};
        Map<Method, Map<String, Placement>> placements = TribuoSelectors.rank(features, labelCodes, symbols, options.threads(), cancelled,
                done -> progress.accept(0.2 + 0.2 * ++step[0]));
        List<FeatureScore> scores = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            CodedColumn feature = features.get(f);
            boolean pearson = feature.numeric() && coded.kind() != LabelKind.CLASSES;
            Double correlation = pearson ? abs(Association.pearson(feature.numbers(), coded.numbers()))
                    : (Double) Association.cramersV(feature.codes(), feature.count(), labelCodes, coded.symbols());
            Map<Method, Placement> methods = new EnumMap<>(Method.class);
            for (Method method : Method.values()) {
                methods.put(method, placements.get(method).get(feature.name()));
            }
            scores.add(new FeatureScore(feature.name(), feature.numeric(), mutualInformation[f], correlation,
                    pearson ? Measure.PEARSON : Measure.CRAMERS_V, methods));
        }
        double entropy = Association.entropy(labelCodes, coded.symbols());
        return new FeatureRanking(label, coded.kind(), coded.symbols(), entropy, sample.rows(), sample.sampled(),
                sample.rows() - kept.length, options.bins(), scores);
    }

    private static Double abs(Double r) {
        return r == null ? null : Math.abs(r);
    }

    private static String[] pick(String[] values, int[] rows) {
        String[] picked = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    /**
     * The label, coded: numbers with more distinct values than bins are binned (a regression
     * target, ranked as its bins); otherwise each value is a class.
     *
     * @param numbers the label as numbers for Pearson: its values, or 0/1 for two classes; null for more classes
     */
    record CodedLabel(CodedColumn column, LabelKind kind, double[] numbers) {

        int symbols() {
            return column.count();
        }

        static CodedLabel of(String name, String[] values, int bins) {
            double[] numbers = CodedColumn.numbers(values);
            long distinct = Arrays.stream(values).distinct().count();
            if (numbers != null && distinct > bins) {
                return new CodedLabel(CodedColumn.binned(name, numbers, bins), LabelKind.NUMERIC, numbers);
            }
            CodedColumn classes = CodedColumn.everyCategory(name, values);
            if (classes.count() == 2) {
                double[] binary = numbers != null ? numbers : Arrays.stream(classes.codes()).asDoubleStream().toArray();
                return new CodedLabel(classes, LabelKind.BINARY, binary);
            }
            return new CodedLabel(classes, LabelKind.CLASSES, null);
        }
    }
}
