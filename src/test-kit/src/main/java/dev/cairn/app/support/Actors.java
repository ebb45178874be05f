package dev.cairn.app.support;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.security.Role;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Set;
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

    public void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
