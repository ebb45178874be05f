package dev.cairn.app.config;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated classes carry H2's upper-case names; rendered unquoted they match on H2 and on
 * PostgreSQL (which folds unquoted names to lower case), so one set of classes serves both.
 */
@Configuration
class JooqSettings {

    @Bean
    DefaultConfigurationCustomizer unquotedNames() {
        return configuration -> configuration.settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    }
}
