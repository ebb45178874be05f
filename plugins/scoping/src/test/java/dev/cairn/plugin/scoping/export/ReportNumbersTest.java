package dev.cairn.plugin.scoping.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class ReportNumbersTest {

    @Test
    void numbersAreGroupedWithoutATrailingZeroAndReadBackExactly() throws ParseException {
        assertThat(ReportNumbers.format(650000.0)).isEqualTo("650,000");
        assertThat(ReportNumbers.format(0.92)).isEqualTo("0.92");
        assertThat(ReportNumbers.format(2.5)).isEqualTo("2.5");
        assertThat(ReportNumbers.format(-1234.125)).isEqualTo("-1,234.125");
        assertThat(ReportNumbers.format(1200)).isEqualTo("1,200");
        for (double value : new double[] {650000.0, 0.92, 2.5, -1234.125, 1e12, 0.000001}) {
            assertThat(NumberFormat.getNumberInstance(ReportNumbers.LOCALE).parse(ReportNumbers.format(value)).doubleValue())
                    .isEqualTo(value);
        }
    }
}
