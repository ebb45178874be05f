package dev.cairn.app.api;

import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.security.PermissionScope;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token. Its principal is the token's user with the token's
 * effective roles, so the tenant scope and {@code CurrentUser} work as for a signed-in user; a
 * permission-scoped token also narrows {@code PermissionCheck} through {@link PermissionScope}.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken implements PermissionScope {

    private final CairnPrincipal principal;
    private final UUID tokenId;
    private final ApiTokenScope scope;

    ApiTokenAuthentication(CairnPrincipal principal, UUID tokenId, ApiTokenScope scope) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        this.scope = scope;
        setAuthenticated(true);
    }

    @Override
    public Set<String> permissionIds() {
        return scope.byRole() ? null : scope.permissionIds();
    }

    UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CairnPrincipal getPrincipal() {
        return principal;
    }
}
