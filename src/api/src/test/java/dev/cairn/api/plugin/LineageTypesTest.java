package dev.cairn.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageTypesTest {

    @Test
    void eachTypeHasTheDisplayNameItsPluginGaveIt() {
        LineageTypes types = new LineageTypes(List.of("data.dataset"), List.of("data.registration"),
                Map.of("data.dataset", "Dataset", "data.registration", "Dataset registration"));

        assertThat(types.displayName("data.dataset")).isEqualTo("Dataset");
        assertThat(types.displayName("data.registration")).isEqualTo("Dataset registration");
    }

    @Test
    void aTypeWithoutADisplayNameIsShownAsWordsNotAsItsId() {
        LineageTypes types = new LineageTypes(List.of("modeling.baseline-evaluation"), List.of());

        assertThat(types.displayName("modeling.baseline-evaluation")).isEqualTo("Baseline evaluation");
    }

    @Test
    void aDisplayNameForATypeThePluginDoesNotDeclareIsRefusedNamingIt() {
        assertThatThrownBy(() -> new LineageTypes(List.of("data.dataset"), List.of(), Map.of("data.other", "Other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.other");
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        assertThatThrownBy(() -> new LineageTypes(List.of("data.dataset"), List.of(), Map.of("data.dataset", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.dataset");
    }
}
