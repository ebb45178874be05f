package dev.cairn.api.tenancy;

/** Tenant data was touched with no tenant in scope: the platform fails closed. */
public class NoTenantInScopeException extends IllegalStateException {
    public NoTenantInScopeException(String message) {
        super(message);
    }
}
