package dev.cairn.app.api;

import static dev.cairn.app.db.Tables.API_TOKEN;
import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.security.Role;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.tenancy.TenantScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer API token on every request, against the database (no cache, so a revocation, a
 * disabled user or tenant, or a role change counts from the next request on): the token must exist,
 * be unexpired and unrevoked, and its user and tenant enabled. The request then acts as the token's
 * user with the token's effective roles. A platform read like sign-in: the token is found by its
 * hash before any tenant is known. "Last used" is written at most once per
 * {@code cairn.api.tokens.last-use-interval}, not on every request.
 *
 * <p>Deliberately not an {@link AuthenticationProvider} bean: Spring Security makes a lone provider
 * bean the sign-in form's provider, and a second one would displace the login throttle's
 * ({@code ThrottledAuthenticationProvider}). The API chain alone uses {@link #provider()}.
 */
@Component
class ApiTokenAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenAuthenticator.class);
    /** One answer for every refusal, so a caller learns nothing about which tokens exist. */
    static final String REFUSAL = "The API token is invalid, expired or revoked.";

    private final DSLContext dsl;
    private final RefusedTokenAudit audit;
    private final ApiProperties properties;
    private final Clock clock;

    ApiTokenAuthenticator(DSLContext dsl, RefusedTokenAudit audit, ApiProperties properties) {
        this.dsl = dsl;
        this.audit = audit;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** The API chain's only authentication provider. */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                return ApiTokenAuthenticator.this.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    Authentication authenticate(Authentication authentication) {
        String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!ApiTokenSecrets.looksLikeToken(presented)) {
            throw new BadCredentialsException(REFUSAL);
        }
        return TenantScope.callAsPlatform(() -> check(ApiTokenSecrets.hash(presented)));
    }

    private Authentication check(String hash) {
        var row = dsl.select(API_TOKEN.ID, API_TOKEN.TENANT_ID, API_TOKEN.NAME, API_TOKEN.SCOPE_ROLE, API_TOKEN.SCOPE_PERMISSIONS,
                        API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT, API_TOKEN.LAST_USED_AT,
                        APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ENABLED, TENANT.ENABLED)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .join(TENANT).on(TENANT.ID.eq(API_TOKEN.TENANT_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(hash))
                .fetchOne();
        if (row == null) {
            LOG.info("Refused an unknown API token");
            throw new BadCredentialsException(REFUSAL);
        }
        UUID tokenId = row.get(API_TOKEN.ID);
        UUID tenantId = row.get(API_TOKEN.TENANT_ID);
        String username = row.get(APP_USER.USERNAME);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String refusal = row.get(API_TOKEN.REVOKED_AT) != null ? "revoked"
                : !row.get(API_TOKEN.EXPIRES_AT).isAfter(now) ? "expired"
                : !row.get(APP_USER.ENABLED) ? "user disabled"
                : !row.get(TENANT.ENABLED) ? "tenant disabled" : null;
        ApiTokenScope scope = ApiTokenScope.stored(row.get(API_TOKEN.SCOPE_ROLE), row.get(API_TOKEN.SCOPE_PERMISSIONS));
        Set<Role> userRoles = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(row.get(APP_USER.ID)))
                .fetch(USER_ROLE.ROLE).stream().map(Role::valueOf).collect(Collectors.toSet());
        Set<Role> effective = scope.effectiveRoles(userRoles);
        if (refusal == null && effective.isEmpty()) {
            refusal = "user holds no tenant role";
        }
        if (refusal != null) {
            LOG.info("Refused API token {} of {}: {}", row.get(API_TOKEN.NAME), username, refusal);
            audit.refused(new RefusedTokenAudit.Refusal(tenantId, tokenId, username, row.get(API_TOKEN.NAME), refusal));
            throw new BadCredentialsException(REFUSAL);
        }
        recordUse(tokenId, row.get(API_TOKEN.LAST_USED_AT), now);
        CairnPrincipal principal = new CairnPrincipal(row.get(APP_USER.ID), tenantId, username, row.get(APP_USER.DISPLAY_NAME),
                null, true, effective);
        return new ApiTokenAuthentication(principal, tokenId, scope);
    }

    /** At most one write per interval and token: a busy client does not turn every read into a write. */
    private void recordUse(UUID tokenId, OffsetDateTime lastUsed, OffsetDateTime now) {
        OffsetDateTime staleBefore = now.minus(properties.tokens().lastUseInterval());
        if (lastUsed == null || lastUsed.isBefore(staleBefore)) {
            dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now).where(API_TOKEN.ID.eq(tokenId))
                    .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(staleBefore))).execute();
        }
    }
}
