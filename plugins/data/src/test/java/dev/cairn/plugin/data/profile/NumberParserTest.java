package dev.cairn.plugin.data.profile;

import static dev.cairn.plugin.data.profile.NumberParser.DECIMAL;
import static dev.cairn.plugin.data.profile.NumberParser.INFINITE;
import static dev.cairn.plugin.data.profile.NumberParser.INTEGER;
import static dev.cairn.plugin.data.profile.NumberParser.NAN;
import static dev.cairn.plugin.data.profile.NumberParser.NOT_A_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    private final NumberParser parser = new NumberParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42|1|42", "-7|1|-7", "+3|1|3", "' 12 '|1|12", "007|1|7", "12345678901234567890|1|1.2345678901234567E19",
            "3.25|2|3.25", ".5|2|0.5", "5.|2|5", "-0.001|2|-0.001", "1e3|2|1000", "1E-2|2|0.01", "2.5e+2|2|250",
            "0.1|2|0.1", "123456789.123456789|2|123456789.12345679"})
    void readsNumbersAsJavaWouldAndSaysWhetherTheyAreWhole(String text, int kind, double value) {
        assertThat(parser.parse(text)).isEqualTo(kind);
        assertThat(parser.value).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"NaN|3", "nan|3", "-Infinity|4", "inf|4", "+INF|4", "1e400|4"})
    void readsNanAndInfinity(String text, int kind) {
        assertThat(parser.parse(text)).isEqualTo(kind == 3 ? NAN : INFINITE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "1,000", "1e", "e5", "-", ".", "1.2.3", "0x1F", "1d", "1f", "12a",
            "1e5.5", "--1", "infinit", "nana", "' '"})
    void refusesWhatIsNoNumber(String text) {
        assertThat(parser.parse(text)).isEqualTo(NOT_A_NUMBER);
    }

    @Test
    void theFastPathAgreesWithDoubleParseDoubleOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double raw = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
            String text = BigDecimal.valueOf(raw).setScale(random.nextInt(9), RoundingMode.HALF_UP).toPlainString();
            int kind = parser.parse(text);
            assertThat(kind).as(text).isEqualTo(text.contains(".") ? DECIMAL : INTEGER);
            assertThat(parser.value).as(text).isEqualTo(Double.parseDouble(text));
        }
    }
}
