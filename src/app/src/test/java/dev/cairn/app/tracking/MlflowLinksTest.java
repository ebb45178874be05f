package dev.cairn.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.tracking.MlflowProperties.UiLinks;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Links into MLflow's UI are shown only where configured as safe, and never before Cairn knows
 * which workspace they must open. (With a known workspace: MlflowTenantWorkspacesIT, against a real
 * server.) No request is sent here: the gateway points at a port nobody listens on.
 */
class MlflowLinksTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void productionDefaultShowsNoLinkIntoMlflow() {
        MlflowProperties properties = properties(null);
        assertThat(properties.uiLinks()).isEqualTo(UiLinks.NONE);
        try (MlflowGateway gateway = new MlflowGateway(properties.trackingUri(), Duration.ofSeconds(1))) {
            assertThat(links(properties, gateway).experiment(TENANT, "42")).isEmpty();
            assertThat(links(properties, gateway).run(TENANT, "42", "abc")).isEmpty();
        }
    }

    @Test
    void directLinksWaitUntilTheServerHasSaidWhetherItHasWorkspaces() {
        MlflowProperties properties = properties(UiLinks.DIRECT);
        try (MlflowGateway gateway = new MlflowGateway(properties.trackingUri(), Duration.ofSeconds(1))) {
            assertThat(gateway.workspacesEnabledIfKnown()).isEmpty();
            assertThat(links(properties, gateway).experiment(TENANT, "42")).isEmpty();
            assertThat(links(properties, gateway).run(TENANT, "42", "abc")).isEmpty();
        }
    }

    @Test
    void withoutAConfiguredServerThereIsNoLink() {
        MlflowProperties properties = new MlflowProperties("", null, null, null, null, null, UiLinks.DIRECT);
        assertThat(new MlflowLinks(properties, new StaticListableBeanFactory().getBeanProvider(MlflowGateway.class))
                .experiment(TENANT, "42")).isEmpty();
    }

    private static MlflowProperties properties(UiLinks uiLinks) {
        return new MlflowProperties("http://127.0.0.1:9", null, null, null, null, null, uiLinks);
    }

    private static MlflowLinks links(MlflowProperties properties, MlflowGateway gateway) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mlflowGateway", gateway);
        return new MlflowLinks(properties, beans.getBeanProvider(MlflowGateway.class));
    }
}
