package dev.cairn.api.tenancy;

/**
 * The object does not exist in the current tenant. Another tenant's object gives the same answer
 * as a missing one, so ids reveal nothing across tenants.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
