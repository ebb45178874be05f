package dev.cairn.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.database.exampletest.ExampleTestPlugin;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A plugin whose migration fails stops start-up, before the web server opens, with a message that
 * names the module and the script (test plugin "brokentest": its V1 works, its V2 cannot).
 */
class ModuleMigrationFailureIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenPlugin {
        @Bean
        StagePlugin brokenTestPlugin() {
            return new ExampleTestPlugin("brokentest");
        }
    }

    @Test
    void aFailedMigrationOfOneModuleStopsStartUpNamingTheModuleAndTheScript() {
        AtomicBoolean serverStarted = new AtomicBoolean();
        ApplicationListener<WebServerInitializedEvent> watcher = event -> serverStarted.set(true);
        // An in-memory database of its own (redirected to a PostgreSQL database of its own in the
        // PostgreSQL run), so the half-migrated plugin is seen by no other test.
        String url = "jdbc:h2:mem:brokenmodule" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        assertThatThrownBy(() -> new SpringApplicationBuilder(CairnApplication.class, BrokenPlugin.class).listeners(watcher)
                .run("--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
                        "--cairn.mlflow.tracking-uri=", "--cairn.jobs.poll-interval=1h",
                        // The committed production bundle: no Vaadin dev server in a plain start.
                        "--vaadin.productionMode=true"))
                .hasStackTraceContaining("Migrations of module 'brokentest' failed at V2__broken.sql")
                .hasStackTraceContaining("classpath:cairn/db/brokentest");
        assertThat(serverStarted).as("the web server never started").isFalse();
    }
}
