package dev.cairn.plugin.data.profile;

/**
 * Equal-width bins between a numeric column's min and max: bin i holds the values in
 * [edges[i], edges[i+1]), the last bin also its right edge (numpy's convention).
 *
 * @param edges  bin edges, one more than the counts
 * @param counts values per bin
 * @param exact  true when counted from the values themselves, false when read from the KLL sketch
 *               (each count then within about 2 x rank error x count of the true one)
 */
public record Histogram(double[] edges, long[] counts, boolean exact) {
}
