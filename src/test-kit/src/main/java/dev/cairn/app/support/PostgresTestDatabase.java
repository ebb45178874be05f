package dev.cairn.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs the same integration tests against PostgreSQL: when the system property
 * {@code cairn.test.postgres.url} names a PostgreSQL server (set by scripts/test for its second
 * failsafe run), each test context's in-memory H2 database {@code jdbc:h2:mem:NAME} becomes the
 * PostgreSQL database {@code it_NAME}, created on first use and owned by the owner role. Like H2's
 * named in-memory databases, contexts that name the same database share it for the whole run.
 *
 * <p>The context then runs with the production PostgreSQL settings (application-postgres.yml:
 * Flyway as the owner role with the row-level security callback, pool timeouts), and the
 * application signs in as the app role, so every PostgreSQL test runs under forced row-level
 * security exactly as production does. Only the URL and the two role names come from here.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

    public static final String SERVER_PROPERTY = "cairn.test.postgres.url";
    /** The roles scripts/lib.sh creates from db/postgresql/roles.sql; the test cluster trusts local connections. */
    public static final String OWNER_ROLE = "cairn_owner";
    public static final String APP_ROLE = "cairn_app";
    private static final Pattern H2_MEMORY_NAME = Pattern.compile("^jdbc:h2:mem:([A-Za-z0-9_]+).*");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String server = System.getProperty(SERVER_PROPERTY, "");
        String h2Url = environment.getProperty("spring.datasource.url", "");
        Matcher name = H2_MEMORY_NAME.matcher(h2Url);
        if (server.isBlank() || !name.matches()) {
            return;
        }
        String database = "it_" + name.group(1).toLowerCase();
        createIfMissing(server, database);
        Map<String, Object> postgres = new HashMap<>();
        postgres.put("spring.datasource.url", server.substring(0, server.lastIndexOf('/') + 1) + database);
        postgres.put("spring.datasource.username", APP_ROLE);
        postgres.put("spring.datasource.password", "");
        postgres.put("spring.flyway.user", OWNER_ROLE);
        postgres.put("spring.flyway.password", "");
        // Spring keeps each test class's application context (with its pool) for reuse: some thirty of
        // them at ten connections each would pass the server's connection limit, so each pool stays small.
        postgres.put("spring.datasource.hikari.maximum-pool-size", 6);
        postgres.put("spring.datasource.hikari.minimum-idle", 1);
        environment.getPropertySources().addFirst(productionPostgresSettings());
        environment.getPropertySources().addFirst(new MapPropertySource("cairn-postgres-test-database", postgres));
    }

    public static boolean active() {
        return !System.getProperty(SERVER_PROPERTY, "").isBlank();
    }

    private static PropertySource<?> productionPostgresSettings() {
        try {
            return new YamlPropertySourceLoader()
                    .load("cairn-postgres-profile", new ClassPathResource("application-postgres.yml")).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application-postgres.yml", e);
        }
    }

    private static void createIfMissing(String server, String database) {
        try (var connection = DriverManager.getConnection(server, OWNER_ROLE, "");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database + " OWNER " + OWNER_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + " on " + server, e);
        }
    }
}
