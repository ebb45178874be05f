package dev.cairn.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.files.SpreadsheetSafe;
import org.junit.jupiter.api.Test;

/** SECURITY.md 17: a CSV cell that a spreadsheet could run as a formula is neutralised. */
class SpreadsheetSafeTest {

    @Test
    void cellsStartingWithAFormulaCharacterGetALeadingQuote() {
        assertThat(SpreadsheetSafe.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.cell("+41 79 000 00 00")).isEqualTo("'+41 79 000 00 00");
        assertThat(SpreadsheetSafe.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(SpreadsheetSafe.cell("\t=cmd|' /C calc'!A0")).isEqualTo("'\t=cmd|' /C calc'!A0");
        assertThat(SpreadsheetSafe.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherCellsAreLeftAsTheyAre() {
        assertThat(SpreadsheetSafe.cell("acme-admin")).isEqualTo("acme-admin");
        assertThat(SpreadsheetSafe.cell("a = b")).isEqualTo("a = b");
        assertThat(SpreadsheetSafe.cell("'already quoted")).isEqualTo("'already quoted");
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.cell(null)).isNull();
    }
}
