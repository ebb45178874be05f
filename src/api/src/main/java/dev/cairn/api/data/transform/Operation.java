package dev.cairn.api.data.transform;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a recipe step can do, by the name a {@link dev.cairn.api.data.TransformStep} gives as its
 * operation. Parameters are text; lists are written with {@link RecipeLists}.
 */
public enum Operation {

    /** Removes the input columns. */
    DROP("drop"),
    /** Drops a row (in a batch) when any input column is missing; at serving such a row is refused. */
    DROP_MISSING("drop-missing"),
    /** Drops a row equal to an earlier one of the batch on the inputs (all columns when none); nothing at serving. */
    DROP_DUPLICATES("drop-duplicates"),
    /** Replaces a missing value of the one input by {@code value}; {@code strategy} says how it was chosen (mean, median, most-frequent, constant). */
    IMPUTE("impute"),
    /** Limits the inputs' numbers to [{@code min}, {@code max}] (either may be left out). */
    CLIP("clip"),
    /** (x - {@code mean}) / {@code std}, with {@code std} > 0. */
    STANDARDIZE("standardize"),
    /** (x - {@code min}) / ({@code max} - {@code min}), with {@code max} > {@code min}. */
    MIN_MAX("min-max"),
    /** ln(x + {@code offset}) ({@code offset} defaults to 1: ln(1 + x)); x + offset must be positive. */
    LOG("log"),
    /** The index of the bucket of x among ascending {@code bounds}: 0 below the first, n at or above the last. */
    BUCKETIZE("bucketize"),
    /** One 1/0 column "input=category" per listed {@code categories}, plus "input=other" when {@code other} is true; replaces the input. */
    ONE_HOT("one-hot"),
    /** A new column {@code name} (default "a_x_b") whose value is the inputs' values joined by "|"; missing when any is. */
    CROSS("cross");

    /** Values that count as missing besides blank ones (the profiler's defaults). */
    public static final Set<String> MISSING_TOKENS = Set.of("NA", "N/A", "null", "NULL");

    private final String id;

    Operation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Operation> of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    /** Whether the value is missing: null, blank, or one of {@link #MISSING_TOKENS}. */
    public static boolean isMissing(String value) {
        return value == null || value.isBlank() || MISSING_TOKENS.contains(value.strip());
    }
}
