package dev.cairn.api.people;

import dev.cairn.api.plugin.PermissionDefinition;
import java.util.List;
import java.util.UUID;

/** The enabled users of the tenant in scope, for plugins that assign work or need approvers. */
public interface TenantPeople {

    /** Enabled users of the current tenant who hold the permission, by display name. */
    List<Person> withPermission(PermissionDefinition permission);

    /** Every enabled user of the current tenant, by display name. */
    List<Person> everyone();

    record Person(UUID id, String username, String displayName) {
    }
}
