package dev.cairn.plugin.data.selection;

import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import dev.cairn.plugin.data.selection.FeatureRanking.Placement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.FeatureSelector;
import org.tribuo.MutableDataset;
import org.tribuo.SelectedFeatureSet;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.fs.CMIM;
import org.tribuo.classification.fs.JMI;
import org.tribuo.classification.fs.MIM;
import org.tribuo.classification.fs.mRMR;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's MIM, CMIM, JMI and mRMR over the coded columns, every feature ranked. The features are
 * handed over as their codes 0..m-1 and Tribuo is given one bin more than any column has codes:
 * its equal-width binning of such integers gives each code a bin of its own (a bin is narrower
 * than 1), so Tribuo counts exactly the values the page's mutual information counts, rather than
 * re-binning numbers by width, which one outlier would squeeze into a single bin.
 */
final class TribuoSelectors {

    /** Tribuo logs every selection step at INFO; kept here so the setting outlives a collection. */
    private static final Logger TRIBUO_FS_LOG = Logger.getLogger("org.tribuo.classification.fs");
    /** And every estimate on a small sample (samples per state) at INFO too. */
    private static final Logger TRIBUO_INFOTHEORY_LOG = Logger.getLogger("org.tribuo.util.infotheory");

    static {
        TRIBUO_FS_LOG.setLevel(Level.WARNING);
        TRIBUO_INFOTHEORY_LOG.setLevel(Level.WARNING);
    }

    private TribuoSelectors() {
    }

    /**
     * @param features the coded features (missing as a code of its own)
     * @param label    the label's codes, none missing
     * @param symbols  the most codes any feature has
     * @param done     told each method as it finishes
     */
    static Map<Method, Map<String, Placement>> rank(List<CodedColumn> features, int[] label, int symbols, int threads, BooleanSupplier cancelled,
                                                   Consumer<Method> done) {
        MutableDataset<Label> dataset = dataset(features, label);
        int bins = Math.max(2, symbols);
        Map<Method, Map<String, Placement>> placements = new EnumMap<>(Method.class);
        for (Method method : Method.values()) {
            if (cancelled.getAsBoolean()) {
                throw new RankingCancelledException();
            }
            SelectedFeatureSet selected = selector(method, bins, threads).select(dataset);
            Map<String, Placement> byName = new HashMap<>();
            for (int i = 0; i < selected.featureNames().size(); i++) {
                byName.put(selected.featureNames().get(i), new Placement(i + 1, selected.featureScores().get(i)));
            }
            placements.put(method, byName);
            done.accept(method);
        }
        return placements;
    }

    private static FeatureSelector<Label> selector(Method method, int bins, int threads) {
        int all = FeatureSelector.SELECT_ALL;
        return switch (method) {
            case MIM -> new MIM(all, bins);
            case CMIM -> new CMIM(all, bins, threads);
            case JMI -> new JMI(all, bins, threads);
            case MRMR -> new mRMR(all, bins, threads);
        };
    }

    private static MutableDataset<Label> dataset(List<CodedColumn> features, int[] label) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("feature ranking sample", factory), factory);
        String[] names = features.stream().map(CodedColumn::name).toArray(String[]::new);
        int[][] codes = features.stream().map(CodedColumn::withMissingAsCode).toArray(int[][]::new);
        for (int row = 0; row < label.length; row++) {
            double[] values = new double[names.length];
            for (int f = 0; f < names.length; f++) {
                values[f] = codes[f][row];
            }
            dataset.add(new ArrayExample<>(new Label("class " + label[row]), names, values));
        }
        return dataset;
    }
}
