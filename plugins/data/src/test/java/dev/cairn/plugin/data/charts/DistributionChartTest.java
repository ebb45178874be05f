package dev.cairn.plugin.data.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.plugin.data.charts.DistributionChart.Distribution;
import dev.cairn.plugin.data.charts.DistributionChart.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionChartTest {

    @Test
    void twoSeriesGoToTheBrowserAsJsonWithNonFiniteValuesAsZero() {
        var distribution = new Distribution(List.of("0 – 1", "1 – 2"),
                List.of(new Series("v1", List.of(0.25, 0.75)), new Series("v2", List.of(Double.NaN, 1.0))), "Share of rows", true);

        String json = DistributionChart.toJson(distribution).toString();

        assertThat(json).isEqualTo("{\"labels\":[\"0 – 1\",\"1 – 2\"],\"series\":[{\"name\":\"v1\",\"values\":[0.25,0.75]},"
                + "{\"name\":\"v2\",\"values\":[0.0,1.0]}],\"yTitle\":\"Share of rows\",\"shares\":true}");
    }

    @Test
    void aSeriesOfAnotherLengthThanTheLabelsIsRefused() {
        assertThatThrownBy(() -> new Distribution(List.of("a", "b"), List.of(new Series("v1", List.of(1.0))), "Rows", false))
                .hasMessage("series 'v1' has 1 values for 2 labels");
    }
}
