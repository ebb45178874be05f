package dev.cairn.plugin.data.profile;

import java.util.Objects;
import java.util.Set;

/**
 * How a profile is computed. Two profiles merge only when they were computed with the same
 * options (except {@code threads} and {@code exactRowLimit}, which do not change what is stored).
 *
 * @param labelColumn          the column whose class balance is reported, or null for none
 * @param missingTokens        field values that count as missing, besides empty and blank fields
 * @param exactDistinctLimit   distinct values counted exactly, with their frequencies, up to this
 *                             many per column; beyond it an HLL sketch estimates the distinct count
 *                             and a frequent-items sketch keeps the top values
 * @param exactValuesLimit     a numeric column keeps its values themselves while it has at most this
 *                             many (exact tests on small references, such as Kolmogorov-Smirnov)
 * @param kllK                 the KLL sketch's k: 200 gives about 1.3% rank error on quantiles
 * @param hllLgK               log2 of the HLL sketch's registers: 12 gives about 1.6% relative error
 * @param frequentItemsMapSize the frequent-items sketch's map size (a power of two)
 * @param exactRowLimit        duplicate rows are counted exactly (by 64-bit row hashes) up to this
 *                             many distinct rows, and estimated beyond
 * @param storedRowHashLimit   a serialized profile keeps its row hashes (so that merged profiles
 *                             count duplicates across batches exactly) up to this many rows
 * @param threads              threads one profiling run may use: 1 does everything on the caller's
 *                             thread; n > 1 parses on the caller's thread and updates the column
 *                             statistics on n - 1 others
 */
public record ProfileOptions(String labelColumn, Set<String> missingTokens, int exactDistinctLimit,
                             int exactValuesLimit, int kllK, int hllLgK, int frequentItemsMapSize,
                             int exactRowLimit, int storedRowHashLimit, int threads) {

    /** What R, pandas and spreadsheets write for "no value"; NaN is a number (a float's NaN). */
    public static final Set<String> DEFAULT_MISSING_TOKENS = Set.of("NA", "N/A", "null", "NULL");

    public ProfileOptions {
        missingTokens = Set.copyOf(Objects.requireNonNull(missingTokens, "missingTokens"));
        positive("exactDistinctLimit", exactDistinctLimit);
        positive("exactValuesLimit", exactValuesLimit);
        if (kllK < 8 || kllK > 65535) {
            throw new IllegalArgumentException("kllK must be between 8 and 65535, not " + kllK);
        }
        if (hllLgK < 4 || hllLgK > 21) {
            throw new IllegalArgumentException("hllLgK must be between 4 and 21, not " + hllLgK);
        }
        if (frequentItemsMapSize < 8 || Integer.bitCount(frequentItemsMapSize) != 1) {
            throw new IllegalArgumentException("frequentItemsMapSize must be a power of two of at least 8, not "
                    + frequentItemsMapSize);
        }
        positive("exactRowLimit", exactRowLimit);
        if (storedRowHashLimit < 0) {
            throw new IllegalArgumentException("storedRowHashLimit must not be negative, not " + storedRowHashLimit);
        }
        positive("threads", threads);
    }

    public static ProfileOptions defaults() {
        return new ProfileOptions(null, DEFAULT_MISSING_TOKENS, 1_000, 1_000, 200, 12, 1024, 2_000_000, 10_000, 1);
    }

    public ProfileOptions withLabelColumn(String label) {
        return new ProfileOptions(label, missingTokens, exactDistinctLimit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, storedRowHashLimit, threads);
    }

    public ProfileOptions withMissingTokens(Set<String> tokens) {
        return new ProfileOptions(labelColumn, tokens, exactDistinctLimit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, storedRowHashLimit, threads);
    }

    public ProfileOptions withExactDistinctLimit(int limit) {
        return new ProfileOptions(labelColumn, missingTokens, limit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, storedRowHashLimit, threads);
    }

    public ProfileOptions withExactValuesLimit(int limit) {
        return new ProfileOptions(labelColumn, missingTokens, exactDistinctLimit, limit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, storedRowHashLimit, threads);
    }

    public ProfileOptions withExactRowLimit(int limit) {
        return new ProfileOptions(labelColumn, missingTokens, exactDistinctLimit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, limit, storedRowHashLimit, threads);
    }

    public ProfileOptions withStoredRowHashLimit(int limit) {
        return new ProfileOptions(labelColumn, missingTokens, exactDistinctLimit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, limit, threads);
    }

    public ProfileOptions withThreads(int count) {
        return new ProfileOptions(labelColumn, missingTokens, exactDistinctLimit, exactValuesLimit, kllK, hllLgK,
                frequentItemsMapSize, exactRowLimit, storedRowHashLimit, count);
    }

    /** Whether profiles computed with these options and with {@code other} hold comparable state. */
    boolean mergeableWith(ProfileOptions other) {
        return Objects.equals(labelColumn, other.labelColumn) && missingTokens.equals(other.missingTokens)
                && exactDistinctLimit == other.exactDistinctLimit && exactValuesLimit == other.exactValuesLimit
                && kllK == other.kllK && hllLgK == other.hllLgK && frequentItemsMapSize == other.frequentItemsMapSize
                && storedRowHashLimit == other.storedRowHashLimit;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }
}
