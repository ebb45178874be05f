package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.app.CairnApplication;
import dev.cairn.app.demo.DemoAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * SECURITY.md item 11: a production start over a database where any account, not only a demo
 * one, still has the documented demo password fails, and fails before the web server accepts a
 * single connection.
 */
class DefaultCredentialsGuardIT {

    @Test
    void productionRefusesToStartWhileAnyAccountHasTheDemoPasswordAndNeverOpensItsPort() throws Exception {
        // An H2 file under target/ on every run: the guard reads the same whatever the database, and
        // the PostgreSQL run's redirection of in-memory test databases must not apply here.
        String url = "jdbc:h2:file:./target/guard-" + UUID.randomUUID();
        // The platform's migrations only (the account table is the platform's); the start below
        // migrates the plugins' on top, as on any database.
        Flyway.configure().dataSource(url, "cairn", "").locations("classpath:cairn/db/platform")
                .table("flyway_history_platform").load().migrate();
        try (var connection = java.sql.DriverManager.getConnection(url, "cairn", "")) {
            DSL.using(connection, SQLDialect.H2).insertInto(APP_USER)
                    .set(APP_USER.ID, UUID.randomUUID())
                    .set(APP_USER.USERNAME, "ops-lead")
                    .set(APP_USER.DISPLAY_NAME, "Operations lead")
                    .set(APP_USER.PASSWORD_HASH, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(DemoAccounts.PASSWORD))
                    .set(APP_USER.ENABLED, false)
                    .set(APP_USER.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .set(APP_USER.VERSION, 0)
                    .execute();
        }
        AtomicBoolean serverStarted = new AtomicBoolean();
        ApplicationListener<WebServerInitializedEvent> watcher = event -> serverStarted.set(true);

        // Command-line arguments, not default properties: application.yml would override those.
        assertThatThrownBy(() -> new SpringApplicationBuilder(CairnApplication.class).profiles("prod").listeners(watcher)
                .run("--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
                        "--cairn.mlflow.tracking-uri=", "--cairn.jobs.poll-interval=1h"))
                .hasStackTraceContaining("ops-lead")
                .hasStackTraceContaining("demo password");
        assertThat(serverStarted).as("the web server never started").isFalse();
    }
}
