package dev.cairn.plugin.data;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Registers the data stage with a Cairn application: Spring Boot reads this class from the jar's
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports, so the platform
 * finds the plugin by its jar on the classpath, not by its package name.
 */
@AutoConfiguration
// The scan would find this class too (it is a @Configuration): leave it to the auto-configuration.
@ComponentScan(basePackageClasses = DataAutoConfiguration.class, excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
@org.springframework.boot.context.properties.EnableConfigurationProperties({DataIngestProperties.class, DataDemoProperties.class,
        dev.cairn.plugin.data.ingest.ParquetProperties.class})
public class DataAutoConfiguration {
}
