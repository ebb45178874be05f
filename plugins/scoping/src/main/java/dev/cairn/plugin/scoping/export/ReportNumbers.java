package dev.cairn.plugin.scoping.export;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers in the report as people read them: thousands grouped, no trailing ".0", at most six
 * decimals ("650,000", "0.92", "2.5"). One fixed locale, so that every reader of the file gets the
 * same text whatever the server's locale.
 */
final class ReportNumbers {

    static final Locale LOCALE = Locale.ENGLISH;

    private ReportNumbers() {
    }

    static String format(Number number) {
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE); // not thread-safe: one per call
        format.setMaximumFractionDigits(6);
        return format.format(number);
    }
}
