package dev.cairn.app.support;

import dev.cairn.api.plugin.StagePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The plugins on the classpath found the way the application finds them: auto-configurations
 * (Spring Boot's imports files) that scan a package holding a {@link StagePlugin}. Tests that check
 * every plugin (architecture rules, route inventory) take their packages from here, so a new plugin
 * is covered the moment its jar is on the classpath, whatever its package.
 */
public final class DiscoveredPlugins {

    private DiscoveredPlugins() {
    }

    /** The root package of each plugin (its auto-configuration's package), sorted. */
    public static List<String> packages() {
        ClassLoader loader = DiscoveredPlugins.class.getClassLoader();
        var metadata = new SimpleMetadataReaderFactory(loader);
        var roots = new TreeSet<String>();
        for (String candidate : ImportCandidates.load(AutoConfiguration.class, loader)) {
            try {
                // Read without loading: most of Spring Boot's auto-configurations need optional classes.
                if (metadata.getMetadataReader(candidate).getAnnotationMetadata().hasAnnotation(ComponentScan.class.getName())) {
                    String root = candidate.substring(0, candidate.lastIndexOf('.'));
                    if (holdsAPlugin(root)) {
                        roots.add(root);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read auto-configuration " + candidate, e);
            }
        }
        return List.copyOf(roots);
    }

    private static boolean holdsAPlugin(String root) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(StagePlugin.class));
        return !scanner.findCandidateComponents(root).isEmpty();
    }
}
