package dev.cairn.plugin.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The asymptotic p-value (sketch-based KS), also where commons-math3's series gives up. Expected
 * values: known_answers.py, section "The asymptotic p-value" (scipy.stats.kstwo.sf).
 */
class KolmogorovSmirnovAsymptoticTest {

    @Test
    void aTinyStatisticOnLargeSamplesHasAPValueOfOne() {
        // D just above the sketches' allowance, 20,000 values a side (sqrt(n) D = 0.02):
        // commons-math3's Pelz-Good series throws TooManyIterationsException for sqrt(n) D between
        // about 0.001 and 0.04. stats.kstwo.sf(2e-4, 10000) = 1.0, stats.kstwo.sf(1e-5, 10000) = 1.0
        assertThat(KolmogorovSmirnov.asymptoticPValue(2e-4, 20000, 20000)).isEqualTo(1.0);
        assertThat(KolmogorovSmirnov.asymptoticPValue(5e-5, 1_000_000, 1_000_000)).isEqualTo(1.0);
        assertThat(KolmogorovSmirnov.asymptoticPValue(1e-5, 20000, 20000)).isEqualTo(1.0);
    }

    @Test
    void otherStatisticsKeepScipysValues() {
        // stats.kstwo.sf(1e-3, 500000)
        assertThat(KolmogorovSmirnov.asymptoticPValue(1e-3, 1_000_000, 1_000_000))
                .isCloseTo(0.698980144366366, within(1e-6));
        // stats.kstwo.sf(0.005, 10000)
        assertThat(KolmogorovSmirnov.asymptoticPValue(0.005, 20000, 20000)).isCloseTo(0.9628778025204304, within(1e-6));
        // stats.kstwo.sf(0.02, 10000)
        assertThat(KolmogorovSmirnov.asymptoticPValue(0.02, 20000, 20000)).isCloseTo(0.0006616848639387309, within(1e-8));
    }
}
