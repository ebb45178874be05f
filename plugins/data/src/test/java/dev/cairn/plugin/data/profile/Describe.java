package dev.cairn.plugin.data.profile;

import java.util.Arrays;
import java.util.Locale;

/** Test helper: everything a profile shows, as text, to compare two profiles whole. */
final class Describe {

    private Describe() {
    }

    static String profile(DatasetProfile profile) {
        return describe(profile, true);
    }

    /**
     * Without what KLL sketches answer (quantiles and histograms past the kept values): DataSketches
     * randomises its compactions, so two passes over the same rows give sketches that differ
     * within their error (the sketch's item count is kept).
     */
    static String deterministicParts(DatasetProfile profile) {
        return describe(profile, false);
    }

    private static String describe(DatasetProfile profile, boolean sketchAnswers) {
        StringBuilder out = new StringBuilder();
        out.append("rows=").append(profile.rows()).append(" duplicates=").append(profile.duplicateRows())
                .append(" balance=").append(profile.classBalance()).append('\n');
        for (ColumnProfile c : profile.columns()) {
            out.append(c.name()).append(' ').append(c.type()).append(" count=").append(c.count()).append(" missing=")
                    .append(c.missing()).append(" distinct=").append(c.distinct()).append(" lengths=")
                    .append(c.lengths()).append(" timestamps=").append(c.timestamps());
            c.numeric().ifPresent(n -> out.append(String.format(Locale.ROOT,
                    " numeric[count=%d integers=%d mean=%.9g std=%.9g min=%s max=%s nan=%d inf=%d]", n.count(),
                    n.integers(), n.mean(), n.std(), n.min(), n.max(), n.nan(), n.infinite())));
            c.quantiles().filter(q -> sketchAnswers || q.exact())
                    .ifPresent(q -> out.append(" quantiles=").append(Arrays.toString(q.values())).append(q.exact()));
            c.histogram(5).filter(h -> sketchAnswers || h.exact())
                    .ifPresent(h -> out.append(" histogram=").append(Arrays.toString(h.counts())).append(h.exact()));
            c.numericSketch().ifPresent(k -> out.append(" sketchN=").append(k.getN()));
            out.append(" top=").append(c.topValues(5)).append(" counts=").append(c.exactCounts());
            c.exactValues().ifPresent(v -> {
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                out.append(" values=").append(Arrays.toString(sorted));
            });
            out.append('\n');
        }
        return out.toString();
    }
}
