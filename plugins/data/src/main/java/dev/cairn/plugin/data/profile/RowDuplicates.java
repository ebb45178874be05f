package dev.cairn.plugin.data.profile;

import java.util.Arrays;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;

/**
 * Duplicate rows: rows whose fields are all equal, as written, to an earlier row's. Each row's
 * 64-bit hash is appended to an array that is sorted once at the end (written in order, the array
 * costs no cache miss per row, where a hash set costs one), for up to {@code exactLimit} rows; two
 * distinct rows collide with probability below 10^-7 in a million rows. Past the limit, and across
 * merged batches whose hashes were not stored, an HLL sketch of the row hashes estimates.
 */
final class RowDuplicates {

    long rows;
    /** Set by {@link #finish()}: exact, or estimated by a merge; see {@link #count()}. */
    long duplicates;
    boolean exact = true;
    /** Past the exact limit: the count is rows less the sketch's distinct rows. */
    boolean fromSketch;
    /** Row hashes while profiling; after {@link #finish()} the distinct ones, sorted; null when not kept. */
    long[] hashes = new long[1024];
    int size;
    HllSketch distinctRows;
    private final int exactLimit;
    private final int hllLgK;

    RowDuplicates(int exactLimit, int hllLgK) {
        this.exactLimit = exactLimit;
        this.hllLgK = hllLgK;
        this.distinctRows = new HllSketch(hllLgK, TgtHllType.HLL_8);
    }

    void add(long rowHash) {
        rows++;
        distinctRows.update(rowHash);
        if (hashes != null) {
            if (size == hashes.length) {
                if (size >= exactLimit) {
                    hashes = null;
                    size = 0;
                    exact = false;
                    fromSketch = true;
                    return;
                }
                hashes = Arrays.copyOf(hashes, (int) Math.min(exactLimit, 2L * size));
            }
            hashes[size++] = rowHash;
        }
    }

    void finish() {
        if (hashes == null) {
            return;
        }
        Arrays.sort(hashes, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        duplicates = rows - distinct;
        hashes = Arrays.copyOf(hashes, distinct);
        size = distinct;
    }

    /**
     * Merged with another finished batch's: exact when both kept their hashes; otherwise each
     * batch's own duplicates plus an HLL estimate of the rows the two batches share.
     */
    void merge(RowDuplicates other) {
        HllUnion union = new HllUnion(hllLgK);
        union.update(distinctRows);
        union.update(other.distinctRows);
        HllSketch both = union.getResult(TgtHllType.HLL_8);
        if (hashes != null && other.hashes != null && exact && other.exact) {
            long[] merged = union(hashes, size, other.hashes, other.size);
            rows += other.rows;
            duplicates = rows - merged.length;
            hashes = merged.length > exactLimit ? null : merged;
            size = hashes == null ? 0 : merged.length;
        } else {
            long shared = Math.max(0, Math.round(distinctRows.getEstimate() + other.distinctRows.getEstimate()
                    - both.getEstimate()));
            long known = count().value() + other.count().value();
            rows += other.rows;
            duplicates = Math.max(0, Math.min(rows - 1, known + shared));
            exact = false;
            fromSketch = false;
            hashes = null;
            size = 0;
        }
        distinctRows = both;
    }

    private static long[] union(long[] a, int aSize, long[] b, int bSize) {
        long[] out = new long[aSize + bSize];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < aSize || j < bSize) {
            long next;
            if (j == bSize || (i < aSize && a[i] <= b[j])) {
                next = a[i++];
            } else {
                next = b[j++];
            }
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return Arrays.copyOf(out, n);
    }

    Estimate count() {
        if (fromSketch) {
            return new Estimate(Math.max(0, rows - Math.round(distinctRows.getEstimate())), false);
        }
        return new Estimate(duplicates, exact);
    }
}
