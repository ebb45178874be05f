package dev.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.plugin.Audience;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Role;
import dev.cairn.app.plugins.PluginRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class PolicyPermissionCheckTest {

    private static final PermissionDefinition UPLOAD = new PermissionDefinition("demo.upload", "upload files", Audience.CONTRIBUTORS);
    private static final PermissionDefinition APPROVE = new PermissionDefinition("demo.approve", "approve uploads", Audience.MANAGERS);

    private final RolePolicy policy = new RolePolicy();
    private final CurrentUser currentUser = mock(CurrentUser.class);

    @Test
    void theRolePolicyGrantsEachAudienceToItsRolesAndNothingToThePlatformAdmin() {
        assertThat(policy.rolesOf(Audience.EVERYONE)).containsExactlyInAnyOrder(Role.TENANT_ADMIN, Role.PROJECT_MANAGER, Role.MEMBER, Role.VIEWER);
        assertThat(policy.rolesOf(Audience.CONTRIBUTORS)).containsExactlyInAnyOrder(Role.TENANT_ADMIN, Role.PROJECT_MANAGER, Role.MEMBER);
        assertThat(policy.rolesOf(Audience.MANAGERS)).containsExactlyInAnyOrder(Role.TENANT_ADMIN, Role.PROJECT_MANAGER);
        assertThat(policy.rolesOf(Audience.TENANT_ADMINS)).containsExactly(Role.TENANT_ADMIN);
        for (Audience audience : Audience.values()) {
            assertThat(policy.rolesOf(audience)).doesNotContain(Role.PLATFORM_ADMIN);
        }
    }

    @Test
    void aMemberMayUploadButNotApproveAndTheRefusalNamesWhatWasRefused() {
        signedInAs(Role.MEMBER);
        var check = check();
        assertThat(check.can(UPLOAD)).isTrue();
        assertThat(check.require(UPLOAD).username()).isEqualTo("someone");
        assertThat(check.can(APPROVE)).isFalse();
        assertThatThrownBy(() -> check.require(APPROVE)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("You are not allowed to approve uploads.");
    }

    @Test
    void nobodySignedInHoldsNothing() {
        when(currentUser.get()).thenReturn(Optional.empty());
        when(currentUser.require()).thenThrow(new AccessDeniedException("Sign in first."));
        assertThat(check().can(UPLOAD)).isFalse();
        assertThatThrownBy(() -> check().require(UPLOAD)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPermissionNoPluginDeclaredCannotBeChecked() {
        signedInAs(Role.TENANT_ADMIN);
        var adHoc = new PermissionDefinition("demo.anything", "do anything", Audience.EVERYONE);
        var lookalike = new PermissionDefinition("demo.upload", "upload files", Audience.EVERYONE);
        assertThatThrownBy(() -> check().can(adHoc)).isInstanceOf(IllegalStateException.class).hasMessageContaining("demo.anything");
        assertThatThrownBy(() -> check().require(lookalike)).as("same id, wider audience")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPermissionScopedAuthenticationHoldsOnlyItsPermissions() {
        signedInAs(Role.TENANT_ADMIN);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ScopedToUpload());
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            assertThat(check().can(UPLOAD)).isTrue();
            assertThat(check().can(APPROVE)).as("the role grants it, the scope does not").isFalse();
            assertThatThrownBy(() -> check().require(APPROVE)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("You are not allowed to approve uploads.");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** As an API token scoped to one permission presents itself. */
    private static final class ScopedToUpload extends org.springframework.security.authentication.AbstractAuthenticationToken
            implements PermissionScope {
        ScopedToUpload() {
            super(List.of());
            setAuthenticated(true);
        }

        @Override
        public java.util.Set<String> permissionIds() {
            return java.util.Set.of(UPLOAD.id());
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "token";
        }
    }

    private PolicyPermissionCheck check() {
        StagePlugin plugin = mock(StagePlugin.class);
        when(plugin.id()).thenReturn("demo");
        when(plugin.stage()).thenReturn(Stage.DATA);
        when(plugin.navigation()).thenReturn(List.of());
        when(plugin.tenantNavigation()).thenReturn(List.of());
        when(plugin.permissions()).thenReturn(List.of(UPLOAD, APPROVE));
        when(plugin.lineageTypes()).thenReturn(new LineageTypes(List.of(), List.of()));
        when(plugin.gateChecks()).thenReturn(List.of());
        PluginRegistry registry = new PluginRegistry(List.of(plugin));
        @SuppressWarnings("unchecked")
        ObjectProvider<PluginRegistry> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(registry);
        return new PolicyPermissionCheck(currentUser, policy, provider);
    }

    private void signedInAs(Role role) {
        var user = new UserInfo(UUID.randomUUID(), "someone", "Someone", UUID.randomUUID(), Set.of(role));
        when(currentUser.get()).thenReturn(Optional.of(user));
        when(currentUser.require()).thenReturn(user);
    }
}
