package dev.cairn.app.support;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Role;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.security.PermissionScope;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a stored user, exactly as a signed-in request would see them. */
public final class Actors {

    private final DSLContext dsl;

    public Actors(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Looked up as sign-in does, before a tenant is known: a platform read. */
    public CairnPrincipal principal(String username) {
        return TenantScope.callAsPlatform(() -> lookUp(username));
    }

    private CairnPrincipal lookUp(String username) {
        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle();
        Set<Role> roles = Set.copyOf(dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(user.getId()))
                .fetch(r -> Role.valueOf(r.value1())));
        return new CairnPrincipal(user.getId(), user.getTenantId(), user.getUsername(), user.getDisplayName(), null,
                user.getEnabled(), roles);
    }

    public void signIn(String username) {
        CairnPrincipal principal = principal(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    public <T> T as(String username, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            signIn(username);
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Runs work as the user holding no more than {@code scope} of what their roles grant, as an API
     * token scoped to those permissions does (the platform's {@link PermissionScope}): the way to
     * test that a service refuses a user without one permission, since every role holds the
     * read permissions of its tenant.
     */
    public <T> T asScopedTo(String username, Collection<PermissionDefinition> scope, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            CairnPrincipal principal = principal(username);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ScopedAuthentication(principal, scope));
            SecurityContextHolder.setContext(context);
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A signed-in user narrowed to some permissions, like the platform's API token authentication. */
    private static final class ScopedAuthentication extends UsernamePasswordAuthenticationToken implements PermissionScope {

        private final Set<String> permissionIds;

        ScopedAuthentication(CairnPrincipal principal, Collection<PermissionDefinition> scope) {
            super(principal, null, principal.getAuthorities());
            this.permissionIds = scope.stream().map(PermissionDefinition::id).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Set<String> permissionIds() {
            return permissionIds;
        }
    }

    public void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
