package dev.cairn.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a module's scripts may touch (docs/plugin-guide.md): a plugin creates tables only in its own
 * schema and references only its own or the platform's tables, because nothing orders two plugins
 * but their ids. Read from the classpath, as ModuleMigrations finds them: every plugin jar's
 * {@code cairn/db/<id>/} (and the test-only plugins' folders).
 */
class ModuleScriptsTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(CREATE\\s+TABLE|CREATE\\s+SCHEMA|REFERENCES|ALTER\\s+TABLE|ON)\\s+([a-z_][a-z0-9_]*)(\\.[a-z_][a-z0-9_]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLDER = Pattern.compile(".*/cairn/db/([a-z0-9-]+)/(V[^/]+\\.sql)$");

    @Test
    void everyPluginShipsItsScriptsAndTouchesOnlyItsOwnSchemaAndThePlatforms() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:cairn/db/*/*.sql");
        List<String> modules = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (Resource script : scripts) {
            Matcher folder = FOLDER.matcher(script.getURL().toString());
            assertThat(folder.matches()).as("a versioned script in cairn/db/<id>/: " + script.getURL()).isTrue();
            String module = folder.group(1);
            modules.add(module);
            if (module.equals(MigrationModule.PLATFORM)) {
                continue;
            }
            String ownSchema = module.replace('-', '_');
            String sql = script.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            Matcher reference = QUALIFIED.matcher(sql);
            while (reference.find()) {
                String what = reference.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                boolean qualified = reference.group(3) != null;
                String schema = reference.group(2).toLowerCase(Locale.ROOT);
                if (what.equals("CREATE SCHEMA")) {
                    if (!schema.equals(ownSchema)) {
                        violations.add(module + "/" + folder.group(2) + " creates schema " + schema);
                    }
                } else if (!qualified) {
                    if (!what.equals("ON")) { // "ON" also opens join conditions; only a qualified name counts there
                        violations.add(module + "/" + folder.group(2) + ": " + what + " " + schema + " names no schema");
                    }
                } else if (what.equals("REFERENCES") ? !(schema.equals("public") || schema.equals(ownSchema)) : !schema.equals(ownSchema)) {
                    violations.add(module + "/" + folder.group(2) + ": " + what + " " + schema + reference.group(3));
                }
            }
        }
        assertThat(modules).as("the built-in modules' scripts are on the classpath")
                .contains("platform", "scoping", "data", "modeling", "deployment");
        assertThat(violations).as("plugin scripts reaching outside their schema").isEmpty();
    }
}
