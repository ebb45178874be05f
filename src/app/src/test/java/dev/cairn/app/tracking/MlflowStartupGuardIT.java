package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.tracking.mlflow.MlflowGateway;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import dev.cairn.app.tracking.mlflow.MlflowServer.Feature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * SECURITY.md item 7: outside the demo profile Cairn refuses to start with an empty or default
 * MLflow password when the (real, basic-auth) server requires authentication, and starts with the
 * service account's strong password. The MLflow part of Cairn's context is started exactly as the
 * application starts it.
 */
class MlflowStartupGuardIT {

    private static MlflowServer server;

    @BeforeAll
    static void startServer() {
        server = MlflowServer.start(Path.of("target", "it-mlflow", "guard-" + UUID.randomUUID()), Feature.BASIC_AUTH);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MlflowProperties.class)
    static class Properties {
    }

    private static ApplicationContextRunner cairn(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, MlflowConfiguration.class)
                .withPropertyValues("cairn.mlflow.tracking-uri=" + server.uri(), "cairn.mlflow.timeout=5s")
                .withPropertyValues(properties);
    }

    @Test
    void anEmptyPasswordIsRefusedWhenTheServerRequiresAuthentication() {
        cairn().run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("Refusing to start")
                .hasMessageContaining("requires authentication")
                .hasMessageContaining("cairn.mlflow.password"));
        cairn("cairn.mlflow.username=" + MlflowServer.SERVICE_ACCOUNT).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("cairn.mlflow.password is empty"));
    }

    @Test
    void mlflowsShippedDefaultPasswordIsRefused() {
        cairn("cairn.mlflow.username=admin", "cairn.mlflow.password=password1234").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("default")
                .hasMessageNotContaining("password1234"));
    }

    @Test
    void aShortPasswordIsRefused() {
        cairn("cairn.mlflow.username=" + MlflowServer.SERVICE_ACCOUNT, "cairn.mlflow.password=Sh0rt!pw").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("shorter than 12"));
    }

    @Test
    void theServiceAccountsStrongPasswordStartsAndReachesTheServer() {
        cairn("cairn.mlflow.username=" + MlflowServer.SERVICE_ACCOUNT,
                "cairn.mlflow.password=" + server.serviceAccount().password()).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MlflowGateway.class);
                    assertThat(context.getBean(MlflowGateway.class).isReachable()).isTrue();
                });
    }

    @Test
    void theDemoProfileIsNotGuarded() {
        cairn("spring.profiles.active=demo").run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(MlflowGateway.class));
    }

    @Test
    void aServerThatCannotBeReachedAtStartupDoesNotStopCairn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        cairn("cairn.mlflow.tracking-uri=http://127.0.0.1:" + closedPort).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(MlflowGateway.class));
    }

    @Test
    void noTrackingUriMeansNoGatewayAndNoCheck() {
        cairn("cairn.mlflow.tracking-uri=").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(MlflowGateway.class));
    }
}
