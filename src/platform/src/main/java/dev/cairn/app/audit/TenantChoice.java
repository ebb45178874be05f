package dev.cairn.app.audit;

import java.util.UUID;

/** Which tenant's entries the platform admin looks at. A tenant admin's choice is ignored: they see their own tenant only. */
public sealed interface TenantChoice {

    String label();

    record AllTenants() implements TenantChoice {
        @Override
        public String label() {
            return "All tenants";
        }
    }

    /** Platform-level entries: the platform admin's own actions and sign-ins that named no known tenant. */
    record NoTenant() implements TenantChoice {
        @Override
        public String label() {
            return "Platform (no tenant)";
        }
    }

    record OneTenant(UUID id, String slug) implements TenantChoice {
        @Override
        public String label() {
            return slug;
        }
    }

    TenantChoice ALL = new AllTenants();
    TenantChoice NONE = new NoTenant();
}
