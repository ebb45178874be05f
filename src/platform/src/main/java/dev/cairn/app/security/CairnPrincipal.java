package dev.cairn.app.security;

import dev.cairn.api.security.Role;
import dev.cairn.app.tenancy.TenantMember;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it: identity, tenant and roles. */
public final class CairnPrincipal implements UserDetails, CredentialsContainer, TenantMember {

    private final UUID id;
    private final UUID tenantId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Role> roles;
    private final Instant loadedAt;

    public CairnPrincipal(UUID id, UUID tenantId, String username, String displayName, String passwordHash,
                          boolean enabled, Set<Role> roles) {
        this(id, tenantId, username, displayName, passwordHash, enabled, roles, Instant.now());
    }

    /** @param loadedAt when the user was read from the database, i.e. when their session began */
    public CairnPrincipal(UUID id, UUID tenantId, String username, String displayName, String passwordHash,
                          boolean enabled, Set<Role> roles, Instant loadedAt) {
        this.loadedAt = loadedAt;
        this.id = id;
        this.tenantId = tenantId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = Set.copyOf(roles);
    }

    public UUID id() {
        return id;
    }

    /** The user's tenant; null for the platform admin. */
    public UUID tenantId() {
        return tenantId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** When this principal was read at sign-in: sessions revoked after this moment end. */
    public Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Equality by user id lets the session registry find every live session of a user.
    @Override
    public boolean equals(Object other) {
        return other instanceof CairnPrincipal that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "CairnPrincipal[" + username + "]";
    }
}
