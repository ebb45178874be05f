package dev.cairn.api.files;

/**
 * CSV cells that a spreadsheet will not run (SECURITY.md 17, OWASP "CSV injection"): a cell that
 * starts with {@code = + - @}, a tab or a carriage return could be read as a formula, so it gets a
 * leading single quote, which spreadsheets show as text and do not evaluate.
 */
public final class SpreadsheetSafe {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
