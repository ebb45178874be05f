package dev.cairn.plugin.data.selection;

import java.util.Locale;

/** How the page writes scores. */
final class SelectionText {

    private SelectionText() {
    }

    /** Bits to three decimals. */
    static String bits(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A score to three decimals (a selector's may be negative: mRMR subtracts redundancy). */
    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
