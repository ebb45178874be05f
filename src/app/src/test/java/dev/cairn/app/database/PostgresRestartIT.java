package dev.cairn.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.PostgresTestDatabase;
import dev.cairn.app.support.ThrowawayPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SECURITY.md item 22 (PostgreSQL run only): with the database stopped and started again under a
 * running application, health (what /actuator/health reports) goes DOWN promptly and stays quick
 * to answer while the database is away (so do requests), then UP, and the next sign-in and the next tenant read
 * work at the first attempt, without restarting the application. The application runs with the
 * production PostgreSQL profile (pool timeouts included) on a cluster of this test's own, which it
 * can stop without disturbing the other test classes.
 */
@EnabledIfSystemProperty(named = PostgresTestDatabase.SERVER_PROPERTY, matches = ".+")
@SpringBootTest(properties = {"cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles({"demo", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresRestartIT {

    /** Quick enough for a load balancer to take the node out, and to notice it is back. */
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(10);
    private static final Duration UP_WITHIN = Duration.ofSeconds(15);
    /** Longer than Hikari's default connection timeout (30 s), so that a slow report still ends the wait. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static ThrowawayPostgres postgres;

    @Autowired
    HealthEndpoint health;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProjectService projects;
    @Autowired
    DSLContext dsl;

    @DynamicPropertySource
    static void ownCluster(DynamicPropertyRegistry registry) {
        postgres = ThrowawayPostgres.start();
        registry.add("spring.datasource.url", postgres::url);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.APP_ROLE);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.user", () -> PostgresTestDatabase.OWNER_ROLE);
        registry.add("spring.flyway.password", () -> "");
    }

    @AfterAll
    static void removeCluster() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void healthGoesDownThenUpAcrossARestartAndTheNextRequestsWorkWithoutRestartingTheApp() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(signInAndReadAsAcme()).isNotEmpty();

        postgres.stopServer();
        assertThat(timeUntilHealthIs(Status.DOWN)).isLessThan(DOWN_WITHIN);
        // While it stays down, later checks and requests answer promptly too, instead of each waiting
        // for a connection as long as the pool's default would (30 s).
        assertThat(timeUntilHealthIs(Status.DOWN)).as("a later health check while down").isLessThan(DOWN_WITHIN);
        Instant asked = Instant.now();
        assertThatThrownBy(() -> users.loadUserByUsername("acme-pm")).isInstanceOf(RuntimeException.class);
        assertThat(Duration.between(asked, Instant.now())).as("a sign-in while down fails within").isLessThan(DOWN_WITHIN);

        postgres.startServer();
        assertThat(timeUntilHealthIs(Status.UP)).isLessThan(UP_WITHIN);

        // The first attempt, no retry: the pool replaced its dead connections by itself.
        assertThat(signInAndReadAsAcme()).isNotEmpty();
        assertThat(users.loadUserByUsername("globex-admin").isEnabled()).isTrue();
    }

    private List<String> signInAndReadAsAcme() {
        assertThat(users.loadUserByUsername("acme-pm").getUsername()).isEqualTo("acme-pm");
        return new Actors(dsl).as("acme-pm", () -> projects.all().stream().map(project -> project.key()).toList());
    }

    /** How long until health, as /actuator/health computes it, reports the wanted status. */
    private Duration timeUntilHealthIs(Status wanted) throws InterruptedException {
        Instant start = Instant.now();
        List<Status> seen = new ArrayList<>();
        while (Duration.between(start, Instant.now()).compareTo(GIVE_UP_AFTER) < 0) {
            seen.add(health.health().getStatus());
            if (seen.getLast().equals(wanted)) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Health never became " + wanted + " in " + GIVE_UP_AFTER + "; saw " + seen);
    }
}
