package dev.cairn.plugin.data.selection;

import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import java.util.Comparator;
import java.util.List;

/** A way to order a ranking's features, as the page offers them: the two measures and Tribuo's four selectors. */
public enum RankingMethod {
    MUTUAL_INFORMATION("Mutual information", null),
    CORRELATION("Correlation", null),
    MIM("MIM", Method.MIM),
    CMIM("CMIM", Method.CMIM),
    JMI("JMI", Method.JMI),
    MRMR("mRMR", Method.MRMR);

    private final String title;
    private final Method selector;

    RankingMethod(String title, Method selector) {
        this.title = title;
        this.selector = selector;
    }

    public String title() {
        return title;
    }

    /** The feature's score by this method (0 for an undefined correlation). */
    public double score(FeatureScore feature) {
        return switch (this) {
            case MUTUAL_INFORMATION -> feature.mutualInformation();
            case CORRELATION -> feature.correlation() == null ? 0 : feature.correlation();
            default -> feature.placement(selector).score();
        };
    }

    /** The features best first: by score for the measures (ties by name), in selection order for a selector. */
    public List<FeatureScore> order(FeatureRanking ranking) {
        Comparator<FeatureScore> best = selector != null ? Comparator.comparingInt(f -> f.placement(selector).rank())
                : Comparator.comparingDouble(this::score).reversed().thenComparing(FeatureScore::name);
        return ranking.features().stream().sorted(best).toList();
    }

    /** The names of the first {@code k}. */
    public List<String> top(FeatureRanking ranking, int k) {
        return order(ranking).stream().limit(k).map(FeatureScore::name).toList();
    }
}
