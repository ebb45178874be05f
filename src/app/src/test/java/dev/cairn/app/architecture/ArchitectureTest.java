package dev.cairn.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cairn");
    }

    @Test
    void pluginsAndTheImportedClassesAreFound() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.cairn.plugin.scoping"))
                .anyMatch(p -> p.startsWith("dev.cairn.plugin.data"))
                .anyMatch(p -> p.startsWith("dev.cairn.plugin.modeling"))
                .anyMatch(p -> p.startsWith("dev.cairn.plugin.deployment"))
                .anyMatch(p -> p.startsWith("dev.cairn.api"));
    }

    @Test
    void pluginsNeverDependOnTheApplication() {
        noClasses().that().resideInAPackage("dev.cairn.plugin..")
                .should().dependOnClassesThat().resideInAPackage("dev.cairn.app..")
                .check(classes);
    }

    @Test
    void noPluginDependsOnAnotherPlugin() {
        for (String plugin : new String[] {"scoping", "data", "modeling", "deployment"}) {
            noClasses().that().resideInAPackage("dev.cairn.plugin." + plugin + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "are in another plugin", (com.tngtech.archunit.core.domain.JavaClass c) ->
                                    c.getPackageName().startsWith("dev.cairn.plugin.")
                                            && !c.getPackageName().startsWith("dev.cairn.plugin." + plugin)))
                    .check(classes);
        }
    }

    @Test
    void theApiDependsOnNothingOfCairnButItself() {
        noClasses().that().resideInAPackage("dev.cairn.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cairn.app..", "dev.cairn.plugin..")
                .check(classes);
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

    @Test
    void tribuoIsUsedOnlyByTheModelingAndDeploymentPlugins() {
        noClasses().that().resideOutsideOfPackages("dev.cairn.plugin.modeling..", "dev.cairn.plugin.deployment..")
                .should().dependOnClassesThat().resideInAPackage("org.tribuo..")
                .check(classes);
    }

    @Test
    void pluginsCheckDeclaredPermissionsNotRoles() {
        noClasses().that().resideInAPackage("dev.cairn.plugin..")
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
        noClasses().that().resideInAPackage("dev.cairn.plugin..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.cairn.api.security.Role")
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .because("plugins check declared permissions; the platform's role policy grants them")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.cairn.plugin..")
                .and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .because("Vaadin needs an access annotation; the permission check is the kit's")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.cairn.plugin..")
                .and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .and().areAssignableTo(com.vaadin.flow.router.HasUrlParameter.class)
                .should().beAssignableTo(dev.cairn.api.ui.ProjectPage.class)
                .because("a project's stage page checks its permission and finds its project through the kit's base")
                .check(classes);
    }

    @Test
    void pluginsReachTheDatabaseOnlyThroughTheTenantGateway() {
        pluginsStayBehindTheGateway().check(classes);
    }

    @Test
    void theGatewayRuleCatchesEveryWayAroundTheGateway() {
        var bypasses = new ClassFileImporter().importPackages("dev.cairn.plugin.fixture");
        String violations = String.join("\n", pluginsStayBehindTheGateway().evaluate(bypasses).getFailureReport().getDetails());
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
    static ArchRule pluginsStayBehindTheGateway() {
        // jOOQ's generated classes (package db) carry the plain-SQL API themselves; calling it is what counts.
        return noClasses().that().resideInAPackage("dev.cairn.plugin..").and().resideOutsideOfPackage("dev.cairn.plugin.*.db..")
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
