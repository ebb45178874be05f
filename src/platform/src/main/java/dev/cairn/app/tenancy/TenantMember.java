package dev.cairn.app.tenancy;

import java.util.UUID;

/**
 * A signed-in principal that belongs to a tenant (or to none, for the platform admin). The tenant
 * scope reads the tenant through this interface so that tenancy, which security builds on, does
 * not depend on the security package's principal class.
 */
public interface TenantMember {

    /** The principal's tenant, or null for the platform admin. */
    UUID tenantId();
}
