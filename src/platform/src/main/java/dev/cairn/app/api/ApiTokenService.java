package dev.cairn.app.api;

import static dev.cairn.app.db.Tables.API_TOKEN;
import static dev.cairn.app.db.Tables.APP_USER;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.ApiTokenRecord;
import dev.cairn.app.db.tables.records.AppUserRecord;
import dev.cairn.app.security.RolePolicy;
import dev.cairn.app.plugins.PluginRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of the signed-in user (and, for a tenant admin, of the whole tenant): create, list,
 * revoke. Everything goes through the tenant gateway; only {@link ApiTokenAuthenticator} reads
 * tokens before a tenant is known.
 */
@Service
public class ApiTokenService {

    static final int MAX_NAME_LENGTH = 80;

    private final TenantDb db;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final PluginRegistry registry;
    private final RolePolicy policy;
    private final ApiProperties properties;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    ApiTokenService(TenantDb db, CurrentUser currentUser, AuditLog audit, PluginRegistry registry, RolePolicy policy,
                    ApiProperties properties) {
        this(db, currentUser, audit, registry, policy, properties, Clock.systemUTC());
    }

    ApiTokenService(TenantDb db, CurrentUser currentUser, AuditLog audit, PluginRegistry registry, RolePolicy policy,
                    ApiProperties properties, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.audit = audit;
        this.registry = registry;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the token form asks for. */
    public record TokenRequest(String name, LocalDate expiresOn, ApiTokenScope scope) {
    }

    /** A token as lists show it: never its secret. */
    public record TokenView(UUID id, String name, String owner, String hint, String scope, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean active(OffsetDateTime now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** The secret, shown once at creation and never again, with the stored token. */
    public record CreatedToken(String secret, TokenView token) {
    }

    /** A refused field of the token form: the view shows the message on that field. */
    public static class InvalidTokenRequest extends IllegalArgumentException {
        private final String field;

        InvalidTokenRequest(String field, String message) {
            super(message);
            this.field = field;
        }

        /** "name", "expiresOn" or "scope". */
        public String field() {
            return field;
        }
    }

    public LocalDate defaultExpiry() {
        return today().plusDays(properties.tokens().defaultLifetime().toDays());
    }

    public LocalDate latestExpiry() {
        return today().plusDays(properties.tokens().maxLifetime().toDays());
    }

    /** The roles the signed-in user may give a token: their own highest and those below it. */
    public List<Role> assignableRoles() {
        Role top = ApiTokenScope.highest(requireTenantUser().roles());
        return Stream.of(Role.values()).filter(Role::isTenantRole)
                .filter(role -> top != null && ApiTokenScope.rank(role) <= ApiTokenScope.rank(top))
                .sorted(Comparator.comparingInt(ApiTokenScope::rank).reversed()).toList();
    }

    /** The declared permissions (plugins' and the API's) the signed-in user holds and may give a token. */
    public List<PermissionDefinition> assignablePermissions() {
        UserInfo user = requireTenantUser();
        return declared().stream().filter(permission -> policy.grants(user.roles(), permission))
                .sorted(Comparator.comparing(PermissionDefinition::id)).toList();
    }

    @Transactional
    public CreatedToken create(TokenRequest request) {
        UserInfo user = requireTenantUser();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new InvalidTokenRequest("name", "Name is required: say what the token is for (e.g. \"nightly export\").");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTokenRequest("name", "Name must have at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (request.expiresOn() == null) {
            throw new InvalidTokenRequest("expiresOn", "An expiry date is required.");
        }
        if (!request.expiresOn().isAfter(today())) {
            throw new InvalidTokenRequest("expiresOn", "The expiry must be after today.");
        }
        if (request.expiresOn().isAfter(latestExpiry())) {
            throw new InvalidTokenRequest("expiresOn", "The expiry can be at most " + properties.tokens().maxLifetime().toDays()
                    + " days ahead (" + latestExpiry() + ").");
        }
        ApiTokenScope scope = request.scope();
        if (scope == null) {
            throw new InvalidTokenRequest("scope", "Choose a role or at least one permission.");
        }
        checkScope(user, scope);
        String secret = ApiTokenSecrets.newSecret();
        ApiTokenRecord token = db.newRecord(API_TOKEN);
        token.setId(UUID.randomUUID());
        token.setUserId(user.id());
        token.setName(name);
        token.setTokenHash(ApiTokenSecrets.hash(secret));
        token.setTokenHint(ApiTokenSecrets.hint(secret));
        token.setScopeRole(scope.byRole() ? scope.role().name() : null);
        token.setScopePermissions(scope.storedPermissions());
        token.setCreatedAt(now());
        token.setExpiresAt(request.expiresOn().atStartOfDay().atOffset(ZoneOffset.UTC));
        db.insert(token);
        audit.record("api-token.create", name, Outcome.SUCCESS, "scope " + scope.describe() + ", expires " + request.expiresOn());
        return new CreatedToken(secret, view(token, user.username()));
    }

    private void checkScope(UserInfo user, ApiTokenScope scope) {
        if (scope.byRole()) {
            if (!assignableRoles().contains(scope.role())) {
                throw new InvalidTokenRequest("scope", "A token's role cannot be higher than your own.");
            }
            return;
        }
        Map<String, PermissionDefinition> declared = declared().stream()
                .collect(Collectors.toMap(PermissionDefinition::id, Function.identity(), (a, b) -> a));
        for (String id : scope.permissionIds()) {
            PermissionDefinition permission = declared.get(id);
            if (permission == null) {
                throw new InvalidTokenRequest("scope", "Unknown permission '" + id + "'.");
            }
            if (!policy.grants(user.roles(), permission)) {
                throw new InvalidTokenRequest("scope", "You do not hold '" + id + "' yourself, so a token cannot either.");
            }
        }
    }

    /** The signed-in user's own tokens, newest first. */
    public List<TokenView> mine() {
        UserInfo user = requireTenantUser();
        return views(API_TOKEN.USER_ID.eq(user.id()));
    }

    /** Every token of the tenant, newest first: for tenant admins only. */
    public List<TokenView> tenantTokens() {
        requireTenantAdmin();
        return views(org.jooq.impl.DSL.noCondition());
    }

    public boolean hasTenant() {
        return currentUser.get().map(user -> user.tenantId() != null).orElse(false);
    }

    public boolean isTenantAdmin() {
        return currentUser.get().map(user -> user.hasRole(Role.TENANT_ADMIN)).orElse(false);
    }

    /**
     * Revokes a token of one's own, or, for a tenant admin, any token of the tenant. Effective on the
     * token's next request: every request reads the token's row. Another tenant's id is "not found".
     */
    @Transactional
    public void revoke(UUID tokenId) {
        UserInfo user = requireTenantUser();
        ApiTokenRecord token = db.fetchOptional(API_TOKEN, API_TOKEN.ID.eq(tokenId)).orElseThrow(() -> new NotFoundException("API token"));
        if (!token.getUserId().equals(user.id()) && !user.hasRole(Role.TENANT_ADMIN)) {
            throw new NotFoundException("API token");
        }
        if (token.getRevokedAt() != null) {
            return;
        }
        db.update(API_TOKEN, Map.of(API_TOKEN.REVOKED_AT, now(), API_TOKEN.REVOKED_BY, user.username()), API_TOKEN.ID.eq(tokenId));
        audit.record("api-token.revoke", token.getName(), Outcome.SUCCESS, "owner " + usernames(Set.of(token.getUserId())).get(token.getUserId()));
    }

    private List<TokenView> views(Condition where) {
        var tokens = db.fetch(API_TOKEN, where, API_TOKEN.CREATED_AT.desc());
        Map<UUID, String> owners = usernames(tokens.stream().map(ApiTokenRecord::getUserId).collect(Collectors.toSet()));
        return tokens.stream().map(token -> view(token, owners.getOrDefault(token.getUserId(), "?"))).toList();
    }

    private Map<UUID, String> usernames(Set<UUID> ids) {
        return db.fetch(APP_USER, APP_USER.ID.in(ids)).stream()
                .collect(Collectors.toMap(AppUserRecord::getId, AppUserRecord::getUsername));
    }

    private static TokenView view(ApiTokenRecord token, String owner) {
        return new TokenView(token.getId(), token.getName(), owner, token.getTokenHint(),
                ApiTokenScope.stored(token.getScopeRole(), token.getScopePermissions()).describe(), token.getCreatedAt(),
                token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt());
    }

    private List<PermissionDefinition> declared() {
        return Stream.concat(registry.permissions().stream(), registry.platformPermissions().stream()).toList();
    }

    private UserInfo requireTenantUser() {
        UserInfo user = currentUser.require();
        if (user.tenantId() == null) {
            throw new AccessDeniedException("API tokens belong to a tenant: the platform admin has none.");
        }
        return user;
    }

    private void requireTenantAdmin() {
        if (!requireTenantUser().hasRole(Role.TENANT_ADMIN)) {
            throw new AccessDeniedException("You are not allowed to see the tenant's API tokens.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
