package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Deterministic samples, drawn exactly as known_answers.py (test resources) draws them: a linear
 * congruential generator and sums of its uniforms, in the same order of floating-point operations,
 * so that scipy and Evidently saw the very same numbers.
 */
final class Samples {

    private long state;

    private Samples(long seed) {
        this.state = seed;
    }

    private double next() {
        state = (1103515245L * state + 12345L) % 2147483648L;
        return state / 2147483648.0;
    }

    /** Python's normalish(n, seed, shift, scale): (u1 + u2 + u3 + u4 - 2) * scale + shift. */
    static double[] normalish(int n, long seed, double shift, double scale) {
        Samples random = new Samples(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = ((random.next() + random.next()) + random.next() + random.next() - 2.0) * scale + shift;
        }
        return values;
    }

    /** Python's integers(n, seed, bound): floor(u * bound). */
    static double[] integers(int n, long seed, int bound) {
        Samples random = new Samples(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (int) (random.next() * bound);
        }
        return values;
    }

    static String[] repeat(Object... nameThenCount) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < nameThenCount.length; i += 2) {
            for (int j = 0; j < (Integer) nameThenCount[i + 1]; j++) {
                values.add((String) nameThenCount[i]);
            }
        }
        return values.toArray(String[]::new);
    }

    static SequencedMap<String, ColumnDistribution> columns(Object... nameThenDistribution) {
        SequencedMap<String, ColumnDistribution> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameThenDistribution.length; i += 2) {
            columns.put((String) nameThenDistribution[i], (ColumnDistribution) nameThenDistribution[i + 1]);
        }
        return columns;
    }
}
