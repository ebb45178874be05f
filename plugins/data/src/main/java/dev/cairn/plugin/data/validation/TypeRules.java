package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.NumericSummary;

/**
 * Which observed column types a feature's declared type accepts. The profile infers the narrowest
 * type every present value fits (ADR 0017), so a declared type accepts any narrower one: DECIMAL
 * takes whole numbers; TEXT and CATEGORICAL take anything (a category may be written as a number
 * or a word); BOOLEAN takes a 0/1 column (the profile calls it INTEGER), as TFDV's bool domain
 * accepts ints between 0 and 1.
 */
final class TypeRules {

    private TypeRules() {
    }

    static boolean numeric(FeatureType type) {
        return type == FeatureType.INTEGER || type == FeatureType.DECIMAL;
    }

    static boolean accepts(FeatureType declared, ColumnProfile column) {
        FeatureType observed = column.type();
        return switch (declared) {
            case TEXT, CATEGORICAL -> true;
            case DECIMAL -> numeric(observed);
            case INTEGER -> observed == FeatureType.INTEGER;
            case BOOLEAN -> observed == FeatureType.BOOLEAN || observed == FeatureType.INTEGER && zeroOrOne(column);
            case TIMESTAMP -> observed == FeatureType.TIMESTAMP;
        };
    }

    /** The type a fix changes a feature to: a number column widens to DECIMAL, anything else takes the observed type. */
    static FeatureType widened(FeatureType declared, FeatureType observed) {
        return numeric(declared) && numeric(observed) ? FeatureType.DECIMAL : observed;
    }

    private static boolean zeroOrOne(ColumnProfile column) {
        NumericSummary numbers = column.numeric().orElse(null);
        return numbers != null && numbers.min() >= 0 && numbers.max() <= 1;
    }
}
