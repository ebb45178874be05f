package dev.cairn.app.tenancy.postgres;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the tenant setting for PostgreSQL's row-level security; Spring Boot's jOOQ
 * auto-configuration adds every ExecuteListenerProvider bean to the DSLContext. The listener
 * itself does nothing unless the dialect is PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class PostgresTenancyConfiguration {

    @Bean
    ExecuteListenerProvider tenantSettingListener() {
        return new DefaultExecuteListenerProvider(new TenantSettingListener());
    }
}
