package dev.cairn.plugin.data.selection;

import dev.cairn.api.data.transform.Operation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A column as the counting measures (mutual information, Cramér's V, Tribuo's selectors) see it:
 * each row's code, 0 to {@code count - 1}, or {@link #MISSING}. Numbers are cut into equal-frequency
 * bins (each bin's upper end is a value of the column, so no bin is empty and ties stay together);
 * categories keep a code each, up to the bin count, the rarest beyond it sharing one "other" code.
 * A column is numeric when every present value is a plain decimal number.
 *
 * @param numbers the values of a numeric column (NaN where missing), or null for a categorical one
 */
record CodedColumn(String name, int[] codes, int count, double[] numbers) {

    static final int MISSING = -1;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    boolean numeric() {
        return numbers != null;
    }

    /** The codes with a missing value as one more code, {@code count}: the alphabet of {@link #alphabet()} symbols. */
    int[] withMissingAsCode() {
        int[] full = codes.clone();
        for (int i = 0; i < full.length; i++) {
            if (full[i] == MISSING) {
                full[i] = count;
            }
        }
        return full;
    }

    /** Symbols of {@link #withMissingAsCode()}: the codes, and one for missing when any is. */
    int alphabet() {
        return Arrays.stream(codes).anyMatch(c -> c == MISSING) ? count + 1 : count;
    }

    /** Codes the values as numbers when all present ones are, else as categories. */
    static CodedColumn of(String name, String[] values, int bins) {
        double[] numbers = numbers(values);
        return numbers != null ? binned(name, numbers, bins) : categories(name, values, bins);
    }

    /** Codes the values as categories, each its own code (the label of a classification), however many. */
    static CodedColumn everyCategory(String name, String[] values) {
        return categories(name, values, Integer.MAX_VALUE);
    }

    /** The values as numbers (NaN where missing), or null when a present one is not a plain number. */
    static double[] numbers(String[] values) {
        double[] numbers = new double[values.length];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (Operation.isMissing(value)) {
                numbers[i] = Double.NaN;
                continue;
            }
            String stripped = value.strip();
            if (!NUMBER.matcher(stripped).matches()) {
                return null;
            }
            numbers[i] = Double.parseDouble(stripped);
            if (!Double.isFinite(numbers[i])) {
                return null;
            }
            any = true;
        }
        return any ? numbers : null;
    }

    /** Equal-frequency bins: the upper end of bin i is the value at rank ceil(i n / bins), duplicates merged. */
    static CodedColumn binned(String name, double[] numbers, int bins) {
        double[] present = Arrays.stream(numbers).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int[] codes = new int[numbers.length];
        if (present.length == 0) {
            Arrays.fill(codes, MISSING);
            return new CodedColumn(name, codes, 0, numbers);
        }
        double[] uppers = new double[bins];
        for (int i = 1; i <= bins; i++) {
            uppers[i - 1] = present[(int) Math.ceil((double) i * present.length / bins) - 1];
        }
        double[] cuts = Arrays.stream(uppers).distinct().toArray();
        for (int i = 0; i < numbers.length; i++) {
            if (Double.isNaN(numbers[i])) {
                codes[i] = MISSING;
                continue;
            }
            int at = Arrays.binarySearch(cuts, numbers[i]);
            codes[i] = at >= 0 ? at : Math.min(-1 - at, cuts.length - 1);
        }
        return new CodedColumn(name, codes, cuts.length, numbers);
    }

    private static CodedColumn categories(String name, String[] values, int most) {
        Map<String, Integer> counts = new HashMap<>();
        for (String value : values) {
            if (!Operation.isMissing(value)) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        // The most frequent first (ties by value, so the codes do not depend on the hash order).
        List<String> order = counts.keySet().stream()
                .sorted(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder())).toList();
        boolean other = order.size() > most;
        int kept = other ? most - 1 : order.size();
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            code.put(order.get(i), Math.min(i, kept));
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = Operation.isMissing(values[i]) ? MISSING : code.get(values[i]);
        }
        return new CodedColumn(name, codes, other ? kept + 1 : kept, null);
    }
}
