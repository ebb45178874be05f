package dev.cairn.plugin.data.profile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Everything one pass learns about one column; merges with the accumulator of another batch of the
 * same column. Updated by one thread at a time.
 *
 * <p>Most columns repeat their values (categories, ages, codes), so the pass first only counts
 * each distinct field (a hash probe per cell), up to {@link #STAGED_PER_LIMIT} times the exact
 * limit, and computes every statistic once per distinct value, weighted by its count, at the end.
 * A column with more distinct values than that switches, from the value that overflows, to
 * updating its statistics and sketches cell by cell. Either way the finished statistics are the
 * same (the KLL sketch is one of the same accuracy; the kept values are then in no particular
 * order).
 */
final class ColumnAccumulator {

    static final int STAGED_PER_LIMIT = 16;

    final String name;
    private final ProfileOptions options;
    private final Set<String> missingTokens;
    private final int longestMissingToken;
    /** First characters of the missing tokens (below 128): most fields are ruled out without hashing. */
    private final boolean[] tokenStarts = new boolean[128];
    private final boolean tokenStartsBeyondAscii;
    private final int exactValuesLimit;
    private final int stagedLimit;
    private final NumberParser parser = new NumberParser();

    long missing;
    long present;
    /** Present values that parsed as numbers, NaN and infinities included. */
    long numbers;
    long integers;
    long nan;
    long infinite;
    long booleans;
    long timestamps;
    long minTimestamp = Long.MAX_VALUE;
    long maxTimestamp = Long.MIN_VALUE;
    long minLength = Long.MAX_VALUE;
    long maxLength;
    long totalLength;
    final Moments moments;
    final KllDoublesSketch sketch;
    /** The finite numeric values while there are at most exactValuesLimit of them, else null. */
    double[] values;
    int valueCount;
    /** Values for the KLL sketch, given to it a block at a time (its bulk update copies them in at once). */
    private final double[] pending = new double[512];
    private int pendingCount;
    /** Every field counted while staging (missing ones too), or null once streaming or finished. */
    private ExactCounts staged;
    /** Set when streaming (past the staging bound) and once finished. */
    DistinctValues distinct;

    ColumnAccumulator(String name, ProfileOptions options) {
        this(name, options, new Moments(), KllDoublesSketch.newHeapInstance(options.kllK()), null);
        values = new double[16];
        staged = new ExactCounts();
    }

    /** A stored column (when {@code distinct} is given) or the shell of a new one. */
    ColumnAccumulator(String name, ProfileOptions options, Moments moments, KllDoublesSketch sketch,
                      DistinctValues distinct) {
        this.name = name;
        this.options = options;
        this.missingTokens = options.missingTokens();
        this.longestMissingToken = missingTokens.stream().mapToInt(String::length).max().orElse(0);
        boolean beyond = false;
        for (String token : missingTokens) {
            if (!token.isEmpty()) {
                char first = token.charAt(0);
                if (first < 128) {
                    tokenStarts[first] = true;
                } else {
                    beyond = true;
                }
            }
        }
        this.tokenStartsBeyondAscii = beyond;
        this.exactValuesLimit = options.exactValuesLimit();
        this.stagedLimit = (int) Math.min(1 << 24, (long) options.exactDistinctLimit() * STAGED_PER_LIMIT);
        this.moments = moments;
        this.sketch = sketch;
        this.distinct = distinct;
    }

    /** One cell; {@code hash} is {@link ValueHash#of} the field. */
    void accept(String field, long hash) {
        if (staged != null) {
            if (staged.add(field, hash, 1, stagedLimit)) {
                return;
            }
            startStreaming();
        }
        if (absorb(field, 1)) {
            distinct.update(field, hash, parser.lastKind != NumberParser.NOT_A_NUMBER);
        }
    }

    /** One cell as characters: while staging a known value needs no string. */
    void accept(char[] chars, int offset, int length, long hash) {
        if (staged != null && staged.increment(hash)) {
            return;
        }
        accept(length == 0 ? "" : new String(chars, offset, length), hash);
    }

    /** Past the staging bound: the counted values are absorbed and seed the sketches. */
    private void startStreaming() {
        distinct = DistinctValues.sketched(absorbStaged(), options);
        staged = null;
    }

    /** Ends the pass: staged values become statistics, and exact counts or sketches. */
    void finish() {
        if (staged != null) {
            distinct = DistinctValues.of(absorbStaged(), options);
            staged = null;
        }
        flushPending();
    }

    private Map<String, Long> absorbStaged() {
        Map<String, Long> present = new HashMap<>();
        staged.forEach((value, count) -> {
            if (absorb(value, count)) {
                present.put(value, count);
            }
        });
        return present;
    }

    /** Adds {@code times} occurrences of the field to the statistics; false when it is a missing value. */
    private boolean absorb(String field, long times) {
        int length = field.length();
        if (length == 0 || isMissingToken(field, length) || field.isBlank()) {
            missing += times;
            parser.lastKind = NumberParser.NOT_A_NUMBER;
            return false;
        }
        present += times;
        long codePoints = field.codePointCount(0, length);
        totalLength += codePoints * times;
        minLength = Math.min(minLength, codePoints);
        maxLength = Math.max(maxLength, codePoints);
        switch (parser.parse(field)) {
            case NumberParser.INTEGER -> {
                integers += times;
                number(parser.value, times);
            }
            case NumberParser.DECIMAL -> number(parser.value, times);
            case NumberParser.NAN -> {
                numbers += times;
                nan += times;
            }
            case NumberParser.INFINITE -> {
                numbers += times;
                infinite += times;
            }
            default -> other(field, times);
        }
        return true;
    }

    private void flushPending() {
        if (pendingCount > 0) {
            sketch.update(pending, 0, pendingCount);
            pendingCount = 0;
        }
    }

    private boolean isMissingToken(String field, int length) {
        if (length > longestMissingToken) {
            return false;
        }
        char first = field.charAt(0);
        boolean candidate = first < 128 ? tokenStarts[first] : tokenStartsBeyondAscii;
        return candidate && missingTokens.contains(field);
    }

    private void number(double value, long times) {
        numbers += times;
        moments.add(value, times);
        if (times == 1) {
            pending[pendingCount++] = value;
            if (pendingCount == pending.length) {
                flushPending();
            }
        } else {
            sketch.update(value, times);
        }
        if (values != null) {
            if (valueCount + times > exactValuesLimit) {
                values = null;
            } else {
                int needed = valueCount + (int) times;
                if (needed > values.length) {
                    values = Arrays.copyOf(values, Math.min(exactValuesLimit, Math.max(needed, values.length * 2)));
                }
                Arrays.fill(values, valueCount, needed, value);
                valueCount = needed;
            }
        }
    }

    private void other(String field, long times) {
        if (ValueKinds.isBoolean(field)) {
            booleans += times;
            return;
        }
        long millis = ValueKinds.timestampMillis(field);
        if (millis != Long.MIN_VALUE) {
            timestamps += times;
            minTimestamp = Math.min(minTimestamp, millis);
            maxTimestamp = Math.max(maxTimestamp, millis);
        }
    }

    /** Merges a finished accumulator into this finished one. */
    void merge(ColumnAccumulator other) {
        if (staged != null || other.staged != null) {
            throw new IllegalStateException("only finished profiles merge");
        }
        missing += other.missing;
        present += other.present;
        numbers += other.numbers;
        integers += other.integers;
        nan += other.nan;
        infinite += other.infinite;
        booleans += other.booleans;
        timestamps += other.timestamps;
        minTimestamp = Math.min(minTimestamp, other.minTimestamp);
        maxTimestamp = Math.max(maxTimestamp, other.maxTimestamp);
        minLength = Math.min(minLength, other.minLength);
        maxLength = Math.max(maxLength, other.maxLength);
        totalLength += other.totalLength;
        moments.merge(other.moments);
        sketch.merge(other.sketch);
        if (values != null && other.values != null && valueCount + other.valueCount <= exactValuesLimit) {
            values = Arrays.copyOf(values, Math.max(values.length, valueCount + other.valueCount));
            System.arraycopy(other.values, 0, values, valueCount, other.valueCount);
            valueCount += other.valueCount;
        } else {
            values = null;
        }
        distinct.merge(other.distinct);
    }

    /** The kept numeric values (a copy), or null once there were more than the limit. */
    double[] keptValues() {
        return values == null ? null : Arrays.copyOf(values, valueCount);
    }
}
