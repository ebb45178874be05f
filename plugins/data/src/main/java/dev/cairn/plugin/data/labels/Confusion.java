package dev.cairn.plugin.data.labels;

import java.util.List;

/**
 * How two labellers' labels cross, over the rows both labelled: {@code counts[i][j]} rows got
 * category i from the first labeller and category j from the second (the diagonal agrees).
 *
 * @param first      the labeller (column) of the rows
 * @param second     the labeller (column) of the columns
 * @param categories every category either gave, sorted
 */
public record Confusion(String first, String second, List<String> categories, long[][] counts) {

    public Confusion {
        categories = List.copyOf(categories);
        counts = deepCopy(counts);
    }

    /** Rows labelled {@code a} by the first labeller and {@code b} by the second. */
    public long count(String a, String b) {
        int i = categories.indexOf(a);
        int j = categories.indexOf(b);
        return i < 0 || j < 0 ? 0 : counts[i][j];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    @Override
    public long[][] counts() {
        return deepCopy(counts);
    }

    private static long[][] deepCopy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
