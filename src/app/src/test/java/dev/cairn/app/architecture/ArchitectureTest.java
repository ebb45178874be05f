package dev.cairn.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
    void pluginsReachTheDatabaseOnlyThroughTheTenantGateway() {
        noClasses().that().resideInAPackage("dev.cairn.plugin..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .orShould().callMethod(org.jooq.impl.DSL.class, "using", java.sql.Connection.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .check(classes);
    }
}
