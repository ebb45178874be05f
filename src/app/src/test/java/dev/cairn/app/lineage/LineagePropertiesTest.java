package dev.cairn.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineagePropertiesTest {

    @Test
    void propertiesSurviveARoundTripThroughTheColumn() {
        Map<String, String> properties = Map.of("rows", "10000", "quote", "say \"hi\"", "unicode", "Zürich ✓", "html", "<b>x</b>");

        String json = LineageProperties.toJson(properties);

        assertThat(LineageProperties.fromJson(json)).isEqualTo(properties);
    }

    @Test
    void propertiesAreStoredSortedByName() {
        assertThat(LineageProperties.toJson(Map.of("b", "2", "a", "1"))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void noPropertiesAreStoredAsNullAndReadAsAnEmptyMap() {
        assertThat(LineageProperties.toJson(null)).isNull();
        assertThat(LineageProperties.toJson(Map.of())).isNull();
        assertThat(LineageProperties.fromJson(null)).isEmpty();
    }

    @Test
    void propertiesTooLongForTheColumnAreRefusedWithTheirLength() {
        Map<String, String> huge = Map.of("notes", "x".repeat(LineageProperties.MAX_LENGTH));

        assertThatThrownBy(() -> LineageProperties.toJson(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + LineageProperties.MAX_LENGTH);
    }

    @Test
    void aPropertyWithoutANameOrValueIsRefused() {
        Map<String, String> noValue = new HashMap<>();
        noValue.put("accuracy", null);

        assertThatThrownBy(() -> LineageProperties.toJson(Map.of(" ", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineageProperties.toJson(noValue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy");
    }

    @Test
    void aCorruptStoredValueIsReportedAsAnInternalError() {
        assertThatThrownBy(() -> LineageProperties.fromJson("[1,2"))
                .isInstanceOf(IllegalStateException.class);
    }
}
