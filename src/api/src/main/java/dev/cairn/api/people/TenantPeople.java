package dev.cairn.api.people;

import dev.cairn.api.security.Role;
import java.util.List;
import java.util.UUID;

/** The enabled users of the tenant in scope, for plugins that assign work or need approvers. */
public interface TenantPeople {

    /** Enabled users of the current tenant holding any of the roles, by display name. */
    List<Person> withAnyRole(Role... roles);

    record Person(UUID id, String username, String displayName) {
    }
}
