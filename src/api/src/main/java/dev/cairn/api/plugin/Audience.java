package dev.cairn.api.plugin;

/**
 * Whom a plugin's permission is meant for, in words a plugin author can choose without naming
 * roles. Which roles make up each audience is decided once, by the platform's role policy
 * (docs/admin-guide.md, "Roles"), not by plugins.
 */
public enum Audience {
    /** Everyone in the tenant, readers included: reading and exporting. */
    EVERYONE,
    /** Those who do the project's work: registering data, training, commenting. */
    CONTRIBUTORS,
    /** Those who decide: writing the scoping document, approving, promoting. */
    MANAGERS,
    /** The tenant's administrators. */
    TENANT_ADMINS
}
