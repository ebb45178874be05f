package dev.cairn.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.cairn.app.support.DiscoveredPlugins;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;
    /** Every plugin's root package, found as the application finds plugins (their auto-configurations). */
    private static List<String> plugins;

    @BeforeAll
    static void importClasses() {
        plugins = DiscoveredPlugins.packages();
        // Main classes of every module, and the plugins wherever they are (the third-party example
        // plugin lives in cairn-app's test classes).
        List<String> pluginPaths = plugins.stream().map(root -> "/" + root.replace('.', '/') + "/").toList();
        ImportOption mainOrPlugin = location -> new MainCodeOnly().includes(location)
                || pluginPaths.stream().anyMatch(location::contains);
        List<String> packages = new ArrayList<>(plugins);
        packages.add("dev.cairn");
        classes = new ClassFileImporter().withImportOption(mainOrPlugin).importPackages(packages);
    }

    @Test
    void pluginsAndTheImportedClassesAreFound() {
        assertThat(plugins).contains("dev.cairn.plugin.scoping", "dev.cairn.plugin.data", "dev.cairn.plugin.modeling",
                "dev.cairn.plugin.deployment", "com.example.cairn.notes");
        for (String plugin : plugins) {
            assertThat(classes.stream().map(JavaClass::getPackageName)).as(plugin).anyMatch(p -> inPackage(p, plugin));
        }
        assertThat(classes.stream().map(JavaClass::getPackageName)).anyMatch(p -> p.startsWith("dev.cairn.api"));
    }

    @Test
    void pluginsUseCairnOnlyThroughItsApi() {
        for (String plugin : plugins) {
            noClasses().that().resideInAPackage(plugin + "..")
                    .should().dependOnClassesThat(describe("are Cairn's but neither cairn-api nor the plugin's own",
                            (JavaClass c) -> isCairns(c.getPackageName()) && !inPackage(c.getPackageName(), "dev.cairn.api")
                                    && !inPackage(c.getPackageName(), plugin)))
                    .because("a plugin is written against cairn-api only (ARCHITECTURE.md)")
                    .check(classes);
        }
    }

    @Test
    void theApiDependsOnNothingOfCairnButItself() {
        noClasses().that().resideInAPackage("dev.cairn.api..")
                .should().dependOnClassesThat(describe("are Cairn's outside cairn-api",
                        (JavaClass c) -> isCairns(c.getPackageName()) && !inPackage(c.getPackageName(), "dev.cairn.api")))
                .check(classes);
    }

    /**
     * A package cycle ties two packages into one that can be neither understood nor moved alone;
     * the platform's packages, cairn-api's and each plugin's must each form a graph without cycles.
     */
    @Test
    void theAppsPackagesAreFreeOfCycles() {
        slices().matching("dev.cairn.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApisPackagesAreFreeOfCycles() {
        slices().matching("dev.cairn.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachPluginsPackagesAreFreeOfCycles() {
        for (String plugin : plugins) {
            // A plugin written as one package has no slices, and no cycles either.
            slices().matching(plugin + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
        }
    }

    /** Cairn's own code: the platform, the API and every discovered plugin. */
    private static boolean isCairns(String packageName) {
        return inPackage(packageName, "dev.cairn") || plugins.stream().anyMatch(plugin -> inPackage(packageName, plugin));
    }

    private static boolean inPackage(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static String[] pluginPackages() {
        return plugins.stream().map(plugin -> plugin + "..").toArray(String[]::new);
    }

    @Test
    void theApiLeaksNoMlflowTribuoOrServletTypes() {
        noClasses().that().resideInAPackage("dev.cairn.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mlflow..", "org.mlflow_project..", "org.tribuo..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theMlflowClientIsUsedOnlyBehindTheTrackingFacade() {
        noClasses().that().resideOutsideOfPackage("dev.cairn.app.tracking.mlflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mlflow..", "org.mlflow_project..")
                .check(classes);
    }

    /** ARCHITECTURE.md: Tribuo stays inside the stage plugins that need it (data for feature selection, modeling, deployment). */
    @Test
    void tribuoIsUsedOnlyByTheDataModelingAndDeploymentPlugins() {
        noClasses().that().resideOutsideOfPackages("dev.cairn.plugin.data..", "dev.cairn.plugin.modeling..", "dev.cairn.plugin.deployment..")
                .should().dependOnClassesThat().resideInAPackage("org.tribuo..")
                .check(classes);
    }

    /** The data plugin's use of Tribuo is found (the rule above is not vacuous for it): its feature selection ranks with Tribuo. */
    @Test
    void theDataPluginsFeatureSelectionUsesTribuo() {
        assertThat(classes.stream().filter(c -> inPackage(c.getPackageName(), "dev.cairn.plugin.data"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> inPackage(d.getTargetClass().getPackageName(), "org.tribuo"))).isTrue();
    }

    @Test
    void pluginsCheckDeclaredPermissionsNotRoles() {
        noClasses().that().resideInAnyPackage(pluginPackages())
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.cairn.api.security.Role")
                .orShould().callMethod(dev.cairn.api.security.Permissions.class, "requireAnyRole", dev.cairn.api.security.CurrentUser.class,
                        String.class, dev.cairn.api.security.Role[].class)
                .because("a plugin declares its permissions once and the platform's role policy grants them")
                .check(classes);
    }

    /**
     * No role in plugin code, not even as the compile-time strings of an access annotation (which the
     * compiler inlines, so only the annotation itself shows): plugin pages are @PermitAll and check
     * the page's declared permission through the UI kit's project page base.
     */
    @Test
    void pluginCodeNamesNoRoleAndItsPagesUseTheKit() {
        noClasses().that().resideInAnyPackage(pluginPackages())
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.cairn.api.security.Role")
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .because("plugins check declared permissions; the platform's role policy grants them")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAnyPackage(pluginPackages())
                .and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .because("Vaadin needs an access annotation; the permission check is the kit's")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAnyPackage(pluginPackages())
                .and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .and().areAssignableTo(com.vaadin.flow.router.HasUrlParameter.class)
                .should().beAssignableTo(dev.cairn.api.ui.ProjectPage.class)
                .because("a project's stage page checks its permission and finds its project through the kit's base")
                .check(classes);
    }

    @Test
    void pluginsReachTheDatabaseOnlyThroughTheTenantGateway() {
        for (String plugin : plugins) {
            pluginsStayBehindTheGateway(plugin).check(classes);
        }
    }

    @Test
    void theGatewayRuleCatchesEveryWayAroundTheGateway() {
        var bypasses = new ClassFileImporter().importPackages("dev.cairn.plugin.fixture");
        String violations = String.join("\n", pluginsStayBehindTheGateway("dev.cairn.plugin.fixture").evaluate(bypasses).getFailureReport().getDetails());
        for (String bypass : new String[] {"plainSql", "rawJdbc", "ownDsl", "keyword", "function", "reattach", "reflection"}) {
            org.assertj.core.api.Assertions.assertThat(violations).as(bypass).contains("GatewayBypasses." + bypass + "(");
        }
    }

    /**
     * What TenantDb cannot seal at run time, plugins may not use at all: JDBC, jOOQ's own
     * configuration, connections and DSL contexts (a record's configuration would lead there), the
     * plain-SQL API, keywords and user-defined functions (raw text in a statement), re-attaching
     * records, and reflection (it would reach the gateway's own fields). ADR 2 lists these.
     */
    static ArchRule pluginsStayBehindTheGateway(String plugin) {
        // jOOQ's generated classes (package db) carry the plain-SQL API themselves; calling it is what counts.
        return noClasses().that().resideInAPackage(plugin + "..").and().resideOutsideOfPackage(plugin + ".db..")
                // DuckDB's JDBC driver reads Parquet files (ADR 0026): an in-memory engine fenced to one file, not the tenant database.
                .and().doNotHaveFullyQualifiedName("dev.cairn.plugin.data.ingest.DuckDbSession")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq.tools.jdbc..",
                        "org.springframework.jdbc..", "java.lang.reflect..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jooq.Configuration")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jooq.ConnectionProvider")
                .orShould().dependOnClassesThat().haveNameMatching("org\\.jooq\\.impl\\.(Default|DataSource)\\w*(Configuration|ConnectionProvider)")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould().callMethodWhere(describe("a method of jOOQ's plain-SQL API",
                        (JavaMethodCall call) -> call.getTarget().isAnnotatedWith(org.jooq.PlainSQL.class)))
                .orShould().callMethodWhere(describe("DSL.using, DSL.keyword or DSL.function",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(org.jooq.impl.DSL.class)
                                && java.util.Set.of("using", "keyword", "function").contains(call.getName())))
                .orShould().callMethodWhere(describe("attach() or configuration() of a jOOQ object",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(org.jooq.Attachable.class)
                                && java.util.Set.of("attach", "configuration").contains(call.getName())))
                .because("isolation holds only for statements built through TenantDb (docs/adr/0002-tenancy-gateway.md)");
    }
}
