package dev.cairn.plugin.data.selection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Feature selection's settings, bound where the package lives (the plugin's scan finds this class). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SelectionProperties.class)
class SelectionConfiguration {
}
