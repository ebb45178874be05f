package dev.cairn.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BootstrapPropertiesTest {

    private static BootstrapProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("cairn.bootstrap", BootstrapProperties.class);
    }

    @Test
    void withNothingSetThePlatformAdminIsCalledPlatformAndNobodyIsCreated() {
        BootstrapProperties settings = bind(Map.of());
        assertThat(settings.adminUsername()).isEqualTo("platform");
        assertThat(settings.adminPassword()).isEmpty();
    }

    @Test
    void theSettingsAreReadFromCairnBootstrapAndThePasswordIsNeverPrinted() {
        BootstrapProperties settings = bind(Map.of("cairn.bootstrap.admin-username", "root",
                "cairn.bootstrap.admin-password", "s3cret-Value"));
        assertThat(settings.adminUsername()).isEqualTo("root");
        assertThat(settings.adminPassword()).isEqualTo("s3cret-Value");
        assertThat(settings.toString()).doesNotContain("s3cret-Value");
    }
}
