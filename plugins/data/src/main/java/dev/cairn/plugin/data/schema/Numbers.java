package dev.cairn.plugin.data.schema;

import java.math.BigDecimal;

/** Numbers as the schema's messages and diffs write them: 3 not 3.0, 0.25, no exponent for everyday values. */
final class Numbers {

    private Numbers() {
    }

    static String plain(Double value) {
        if (value == null) {
            return "open";
        }
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
