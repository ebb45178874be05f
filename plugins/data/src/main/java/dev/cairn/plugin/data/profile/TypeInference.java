package dev.cairn.plugin.data.profile;

import dev.cairn.api.data.FeatureType;

/**
 * Decides a column's type from what one pass counted; every present value must fit the type (as
 * TensorFlow Data Validation infers: one "12a" makes a numeric column text, and the numeric
 * statistics of the other values stay visible):
 * <ol>
 *   <li>INTEGER: every present value is a number written as a whole number (-3, 42);</li>
 *   <li>DECIMAL: every present value is a number (3.5, 1e-3, NaN and Infinity included);</li>
 *   <li>BOOLEAN: every present value is true, false, yes or no (any case); 0/1 columns are INTEGER;</li>
 *   <li>TIMESTAMP: every present value is an ISO-8601 date or date-time;</li>
 *   <li>CATEGORICAL: the values repeat: at most {@link ProfileOptions#exactDistinctLimit()} distinct
 *       values, and at most half as many distinct values as present ones (each seen twice on
 *       average);</li>
 *   <li>TEXT: anything else, and a column with no value at all (nothing to infer from).</li>
 * </ol>
 * Missing values (empty, blank or a missing token) do not count against any type.
 */
final class TypeInference {

    private TypeInference() {
    }

    static FeatureType of(ColumnAccumulator column) {
        long present = column.present;
        if (present == 0) {
            return FeatureType.TEXT;
        }
        if (column.numbers == present) {
            return column.integers == present ? FeatureType.INTEGER : FeatureType.DECIMAL;
        }
        if (column.booleans == present) {
            return FeatureType.BOOLEAN;
        }
        if (column.timestamps == present) {
            return FeatureType.TIMESTAMP;
        }
        Estimate distinct = column.distinct.count();
        return distinct.exact() && distinct.value() * 2 <= present ? FeatureType.CATEGORICAL : FeatureType.TEXT;
    }
}
