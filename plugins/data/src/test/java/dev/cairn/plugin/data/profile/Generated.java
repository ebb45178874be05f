package dev.cairn.plugin.data.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Test helper: seeded rows of a numeric column (normal), a skewed category and a unique key. */
final class Generated {

    static final List<String> HEADER = List.of("x", "category", "key");

    private Generated() {
    }

    static List<String[]> rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String x = random.nextDouble() < 0.05 ? "" : String.format(Locale.ROOT, "%.4f", 100 + 15 * random.nextGaussian());
            // Category c0 half the time, else one of 3,000, the low numbers more often.
            int category = random.nextBoolean() ? 0 : 1 + (int) (Math.pow(random.nextDouble(), 2) * 3_000);
            rows.add(new String[] {x, "c" + category, "k" + seed + "-" + i});
        }
        return rows;
    }

    static double[] values(List<String[]> rows, int column) {
        return rows.stream().map(r -> r[column]).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }
}
