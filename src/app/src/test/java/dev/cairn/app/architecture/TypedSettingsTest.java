package dev.cairn.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * ARCHITECTURE.md "Configuration as typed @ConfigurationProperties records under cairn.&lt;area&gt;":
 * no setting is read with {@code @Value}, whose defaults hide in strings and escape the admin guide's table.
 */
class TypedSettingsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = MainClasses.get();
    }

    @Test
    void noConstructorOrMethodParameterIsInjectedWithValue() {
        noCodeUnits().should(com.tngtech.archunit.lang.conditions.ArchConditions.have(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a parameter annotated @Value",
                                (com.tngtech.archunit.core.domain.JavaCodeUnit unit) -> unit.getParameters().stream()
                                        .anyMatch(parameter -> parameter.isAnnotatedWith(Value.class)))))
                .check(classes);
    }

    @Test
    void noFieldIsInjectedWithValue() {
        noFields().should().beAnnotatedWith(Value.class).allowEmptyShould(true).check(classes);
    }
}
