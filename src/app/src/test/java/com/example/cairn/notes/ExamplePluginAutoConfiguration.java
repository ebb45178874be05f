package com.example.cairn.notes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;

/**
 * A third party's stage plugin, as small as one can be, in a package of its own (not dev.cairn):
 * it proves that a plugin is found by its auto-configuration and routed from its declaration, and
 * every platform test (role matrix, cross-tenant routes, architecture rules) covers it. On the test
 * classpath only; the screenshot tests switch it off so the documentation shows the real product.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "cairn.test.example-plugin", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackageClasses = ExamplePluginAutoConfiguration.class, excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
public class ExamplePluginAutoConfiguration {
}
