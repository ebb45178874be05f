package dev.cairn.app.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every test application stores its files in a folder of its own under target/, not in ./data/files
 * (which would be the module's source folder): tests never see each other's files, and nothing lands
 * outside the build directory. A test that names cairn.files.root itself keeps its own.
 */
public class TestFileRoot implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path root = Path.of("target", "test-files", UUID.randomUUID().toString()).toAbsolutePath();
        environment.getPropertySources().addLast(new MapPropertySource("cairn-test-file-root", Map.of("cairn.files.root", root.toString())));
    }
}
