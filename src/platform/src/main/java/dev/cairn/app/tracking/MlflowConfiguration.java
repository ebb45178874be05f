package dev.cairn.app.tracking;

import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.tracking.mlflow.MlflowCredentials;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one gateway to MLflow, when a tracking URI is configured: signed in as Cairn's service
 * account, each request in the workspace of the tenant in scope (the tenant of the outbox record
 * being delivered). No tenant in scope: nothing is sent. The credentials are checked before the
 * gateway exists, so a bad setting stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
class MlflowConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${cairn.mlflow.tracking-uri:}'.isBlank()")
    MlflowGateway mlflowGateway(MlflowProperties properties, Environment environment) {
        MlflowCredentials credentials = new MlflowCredentials(properties.username(), properties.password());
        new MlflowCredentialsGuard(properties, environment.acceptsProfiles(Profiles.of("demo"))).check(credentials);
        return new MlflowGateway(properties.trackingUri(), properties.timeout(), credentials,
                () -> ExperimentNames.workspaceOf(TenantScope.require()));
    }
}
