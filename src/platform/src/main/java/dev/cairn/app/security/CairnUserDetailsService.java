package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.security.Role;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users for login. Login happens before any tenant is known, so this is one of the few
 * platform reads outside the tenant gateway (a platform task for PostgreSQL's row-level security).
 * A user of a disabled tenant is disabled too.
 */
@Service
class CairnUserDetailsService implements UserDetailsService {

    private final DSLContext dsl;

    CairnUserDetailsService(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return TenantScope.callAsPlatform(() -> load(username));
    }

    private UserDetails load(String username) {
        var user = dsl.select(APP_USER.ID, APP_USER.TENANT_ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME,
                        APP_USER.PASSWORD_HASH, APP_USER.ENABLED, DSL.coalesce(TENANT.ENABLED, true).as("tenant_enabled"))
                .from(APP_USER).leftJoin(TENANT).on(TENANT.ID.eq(APP_USER.TENANT_ID))
                .where(APP_USER.USERNAME.eq(username.trim().toLowerCase()))
                .fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        Set<Role> roles = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(user.value1()))
                .fetch(USER_ROLE.ROLE).stream().map(Role::valueOf).collect(Collectors.toSet());
        boolean enabled = user.value6() && user.get("tenant_enabled", Boolean.class);
        return new CairnPrincipal(user.value1(), user.value2(), user.value3(), user.value4(), user.value5(), enabled, roles);
    }
}
