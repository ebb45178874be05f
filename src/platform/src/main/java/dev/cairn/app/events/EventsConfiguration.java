package dev.cairn.app.events;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Events between plugins (ADR 0011): listeners declared with {@code @TransactionalEventListener}
 * and {@code @Async} run after the commit on Spring's task executor, each in its event's tenant.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventsConfiguration {

    /** An infrastructure advisor, so every auto-proxy creator applies it (as Modulith's own). */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor listenerTenantScopeAdvisor() {
        return ListenerTenantScope.advisor();
    }
}
