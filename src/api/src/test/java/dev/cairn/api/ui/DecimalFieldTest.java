package dev.cairn.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers as users write them: the locale decides the decimal separator, and nothing is guessed. */
class DecimalFieldTest {

    @Test
    void aGermanCommaIsTheDecimalSeparator() {
        assertThat(DecimalField.parse("0,45", Locale.GERMANY)).contains(0.45);
        assertThat(DecimalField.parse("-1,5", Locale.GERMANY)).contains(-1.5);
        assertThat(DecimalField.parse("0.45", Locale.ENGLISH)).contains(0.45);
    }

    @Test
    void theOtherConventionIsRefusedNotMisread() {
        // A grouping separator is never taken as a decimal one: 0.45 typed by a German user is not 45.
        assertThat(DecimalField.parse("0.45", Locale.GERMANY)).isEmpty();
        assertThat(DecimalField.parse("0,45", Locale.ENGLISH)).isEmpty();
        assertThat(DecimalField.parse("1.234,5", Locale.GERMANY)).isEmpty();
    }

    @Test
    void textThatIsNotExactlyOneNumberIsRefused() {
        assertThat(DecimalField.parse("45 %", Locale.ENGLISH)).isEmpty();
        assertThat(DecimalField.parse("abc", Locale.ENGLISH)).isEmpty();
        assertThat(DecimalField.parse("", Locale.ENGLISH)).isEmpty();
        assertThat(DecimalField.parse(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aRateFieldRefusesFortyFiveAndSaysWhatItRead() {
        DecimalField recall = new DecimalField("Recall").rate();
        recall.locale(Locale.GERMANY);
        recall.setValue("45");
        assertThat(recall.problem()).contains("Recall").contains("between 0 and 1");
        recall.setValue("0,45");
        assertThat(recall.problem()).isNull();
        assertThat(recall.getNumber()).isEqualTo(0.45);
        assertThat(recall.getHelperText().replace('\u00a0', ' ')).isEqualTo("Understood as 0,45 (45 %)");
    }

    @Test
    void aNumberInTheWrongConventionNamesTheFieldAndShowsAnExample() {
        DecimalField value = new DecimalField("Value");
        value.locale(Locale.GERMANY);
        value.setValue("0.45");
        assertThat(value.problem()).contains("Value").contains("German").contains("1234,5");
        assertThat(value.isInvalid()).isTrue();
    }

    @Test
    void rateMetricsAreKnownByName() {
        assertThat(Rates.isRate("recall")).isTrue();
        assertThat(Rates.isRate("Recall@10")).isTrue();
        assertThat(Rates.isRate("f1_macro")).isTrue();
        assertThat(Rates.isRate("MAPE")).isFalse();
        assertThat(Rates.isRate("revenue")).isFalse();
    }
}
