package dev.cairn.app.architecture;

import dev.cairn.app.plugins.PlatformPermissions;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: the platform's own actions (projects, members, users, the audit log) are checked by
 * their declared permissions through the one role policy, as plugins' are: no role lists in the
 * services and views. The platform admin's tenant management is the exception, a platform-admin
 * check on purpose (the platform admin holds no tenant permission).
 */
class AppActionsByPermissionTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = MainClasses.get().that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.cairn.app.."));
    }

    @Test
    void theAppsServicesAndViewsNeverListRoles() {
        noClasses().that().resideInAnyPackage("dev.cairn.app.project..", "dev.cairn.app.admin..", "dev.cairn.app.audit..",
                        "dev.cairn.app.shell..", "dev.cairn.app.lineage..")
                .and().doNotHaveFullyQualifiedName("dev.cairn.app.admin.TenantAdminService")
                .should().callMethod(Permissions.class, "requireAnyRole", CurrentUser.class, String.class, Role[].class)
                .orShould().callMethod(UserInfo.class, "hasAnyRole", Role[].class)
                .because("app actions check declared permissions (PlatformPermissions) through PermissionCheck")
                .check(classes);
    }
}
