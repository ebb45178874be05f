package dev.cairn.app.admin;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.people.TenantPeople;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.app.security.RolePolicy;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.TenantDb;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** {@link TenantPeople} over the user tables, through the tenant gateway. */
@Service
class JooqTenantPeople implements TenantPeople {

    private final TenantDb db;
    private final RolePolicy policy;

    JooqTenantPeople(TenantDb db, RolePolicy policy) {
        this.db = db;
        this.policy = policy;
    }

    @Override
    public List<Person> withPermission(PermissionDefinition permission) {
        List<String> names = policy.rolesHolding(permission).stream().map(Role::name).toList();
        Set<UUID> holders = db.fetch(USER_ROLE, USER_ROLE.ROLE.in(names)).stream().map(r -> r.getUserId()).collect(Collectors.toSet());
        return db.fetch(APP_USER, APP_USER.ENABLED.isTrue().and(APP_USER.ID.in(holders)), APP_USER.DISPLAY_NAME.asc()).stream()
                .map(user -> new Person(user.getId(), user.getUsername(), user.getDisplayName())).toList();
    }

    @Override
    public List<Person> everyone() {
        return db.fetch(APP_USER, APP_USER.ENABLED.isTrue(), APP_USER.DISPLAY_NAME.asc()).stream()
                .map(user -> new Person(user.getId(), user.getUsername(), user.getDisplayName())).toList();
    }
}
