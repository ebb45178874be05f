package dev.cairn.app.database.exampletest;

import dev.cairn.api.plugin.StagePlugin;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test-only plugin {@value ExampleTestPlugin#ID} (import it where it is wanted). */
@TestConfiguration(proxyBeanMethods = false)
public class ExampleTestPluginConfiguration {

    @Bean
    StagePlugin exampleTestPlugin() {
        return new ExampleTestPlugin(ExampleTestPlugin.ID);
    }
}
