package dev.cairn.app.admin;

import static dev.cairn.app.db.Tables.API_TOKEN;
import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.PROJECT_MEMBER;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.app.db.tables.records.AppUserRecord;
import dev.cairn.app.db.tables.records.UserRoleRecord;
import dev.cairn.app.security.LoginThrottle;
import dev.cairn.app.security.PasswordPolicy;
import dev.cairn.app.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant admin manages the users of their tenant: create, assign roles, disable, delete. */
@Service
public class UserAdminService {

    /** A deleted user's username: the prefix and their id. No user can choose it (ids are not usernames). */
    static final String TOMBSTONE_PREFIX = "deleted-";
    static final String DELETED_NAME = "Deleted user";
    /** Not a hash any encoder produces, so no password matches it. */
    private static final String NO_PASSWORD = "!deleted";

    private final TenantDb db;
    private final DSLContext dsl;
    private final PermissionCheck permissions;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionTerminator sessions;
    private final AuditLog audit;
    private final LoginThrottle loginThrottle;

    UserAdminService(TenantDb db, DSLContext dsl, PermissionCheck permissions, PasswordEncoder encoder,
                     PasswordPolicy passwordPolicy, SessionTerminator sessions, AuditLog audit, LoginThrottle loginThrottle) {
        this.loginThrottle = loginThrottle;
        this.db = db;
        this.dsl = dsl;
        this.permissions = permissions;
        this.encoder = encoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<UserSummary> list() {
        requireAdmin();
        Map<UUID, Set<Role>> roles = db.fetch(USER_ROLE, DSL.noCondition()).stream().collect(Collectors.groupingBy(
                UserRoleRecord::getUserId, Collectors.mapping(r -> Role.valueOf(r.getRole()), Collectors.toSet())));
        return db.fetch(APP_USER, APP_USER.DELETED_AT.isNull(), APP_USER.USERNAME.asc()).map(user -> new UserSummary(
                user.getId(), user.getUsername(), user.getDisplayName(), user.getEnabled(),
                roles.getOrDefault(user.getId(), Set.of()), loginThrottle.isSlowed(user.getUsername())));
    }

    @Transactional
    public UUID create(String username, String displayName, String password, Set<Role> roles) {
        requireAdmin();
        UUID id = insertUser(username, displayName, password, roles);
        audit.record("user.create", UserInput.username(username), Outcome.SUCCESS, "roles=" + roles);
        return id;
    }

    /**
     * Inserts a user into the tenant in scope (also used by the platform admin for a tenant's first
     * admin, inside that tenant's scope).
     */
    UUID insertUser(String username, String displayName, String password, Set<Role> roles) {
        String cleanName = UserInput.username(username);
        String cleanDisplay = UserInput.displayName(displayName);
        Set<Role> cleanRoles = UserInput.tenantRoles(roles);
        passwordPolicy.problem(password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (TenantScope.callAsPlatform(() -> dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(cleanName)))) {
            // Usernames are global (login happens before a tenant is known): checked across tenants.
            throw new IllegalArgumentException("Username " + cleanName + " is already taken.");
        }
        AppUserRecord user = db.newRecord(APP_USER);
        user.setId(UUID.randomUUID());
        user.setUsername(cleanName);
        user.setDisplayName(cleanDisplay);
        user.setPasswordHash(encoder.encode(password));
        user.setEnabled(true);
        user.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        user.setVersion(0);
        db.insert(user);
        writeRoles(user.getId(), cleanRoles);
        return user.getId();
    }

    @Transactional
    public void setRoles(UUID userId, Set<Role> roles) {
        UserInfo admin = requireAdmin();
        AppUserRecord user = find(userId);
        Set<Role> cleanRoles = UserInput.tenantRoles(roles);
        if (admin.id().equals(userId) && !cleanRoles.contains(Role.TENANT_ADMIN)) {
            throw new IllegalArgumentException("Roles must keep your own tenant admin role.");
        }
        db.delete(USER_ROLE, USER_ROLE.USER_ID.eq(userId));
        writeRoles(userId, cleanRoles);
        sessions.endSessionsOf(userId);
        audit.record("user.roles", user.getUsername(), Outcome.SUCCESS, "roles=" + EnumSet.copyOf(cleanRoles));
    }

    /**
     * Saves a user's display name and roles together; each change is audited as its own entry, and
     * a change of roles ends the user's sessions (their roles are read at sign-in).
     */
    @Transactional
    public void edit(UUID userId, String displayName, Set<Role> roles) {
        requireAdmin();
        AppUserRecord user = find(userId);
        String cleanDisplay = UserInput.displayName(displayName);
        Set<Role> cleanRoles = UserInput.tenantRoles(roles);
        if (!cleanRoles.equals(rolesOf(userId))) {
            setRoles(userId, cleanRoles);
        }
        if (!cleanDisplay.equals(user.getDisplayName())) {
            db.update(APP_USER, Map.of(APP_USER.DISPLAY_NAME, cleanDisplay), APP_USER.ID.eq(userId));
            audit.record("user.rename", user.getUsername(), Outcome.SUCCESS, "display name=" + cleanDisplay);
        }
    }

    private Set<Role> rolesOf(UUID userId) {
        return db.fetch(USER_ROLE, USER_ROLE.USER_ID.eq(userId)).stream().map(r -> Role.valueOf(r.getRole()))
                .collect(Collectors.toSet());
    }

    @Transactional
    public void setEnabled(UUID userId, boolean enabled) {
        UserInfo admin = requireAdmin();
        AppUserRecord user = find(userId);
        if (admin.id().equals(userId) && !enabled) {
            throw new IllegalArgumentException("You cannot disable yourself.");
        }
        db.update(APP_USER, Map.of(APP_USER.ENABLED, enabled), APP_USER.ID.eq(userId));
        if (!enabled) {
            sessions.endSessionsOf(userId);
        }
        audit.record(enabled ? "user.enable" : "user.disable", user.getUsername(), Outcome.SUCCESS, null);
    }

    /**
     * Deletes a user of the tenant, keeping the history readable (ADR 0016): the row stays as a
     * tombstone so that revisions, approvals, files and tokens they authored still name a user
     * ("Deleted user"), while their username, name and password are erased. Their roles and project
     * memberships go, their API tokens are revoked and their sessions end at once. Refused for
     * yourself and for the tenant's last active admin; recorded in the audit log under the username
     * they had.
     */
    @Transactional
    public void delete(UUID userId) {
        UserInfo admin = requireAdmin();
        AppUserRecord user = find(userId);
        if (admin.id().equals(userId)) {
            throw new IllegalArgumentException("You cannot delete yourself: ask another tenant admin.");
        }
        if (rolesOf(userId).contains(Role.TENANT_ADMIN) && otherActiveAdmins(userId) == 0) {
            throw new IllegalStateException(user.getUsername() + " is the tenant's last active admin: make another user "
                    + "tenant admin first.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.delete(USER_ROLE, USER_ROLE.USER_ID.eq(userId));
        db.delete(PROJECT_MEMBER, PROJECT_MEMBER.USER_ID.eq(userId));
        int tokens = db.update(API_TOKEN, Map.of(API_TOKEN.REVOKED_AT, now, API_TOKEN.REVOKED_BY, admin.username()),
                API_TOKEN.USER_ID.eq(userId).and(API_TOKEN.REVOKED_AT.isNull()));
        // The id keeps the tombstone's username unique (usernames are global) and frees the old one.
        db.update(APP_USER, Map.of(APP_USER.USERNAME, TOMBSTONE_PREFIX + userId, APP_USER.DISPLAY_NAME, DELETED_NAME,
                APP_USER.PASSWORD_HASH, NO_PASSWORD, APP_USER.ENABLED, false, APP_USER.DELETED_AT, now), APP_USER.ID.eq(userId));
        sessions.endSessionsOf(userId);
        audit.record("user.delete", user.getUsername(), Outcome.SUCCESS, "name and sign-in erased, roles and "
                + "memberships removed, " + tokens + " API token(s) revoked");
    }

    /** Enabled users of the tenant, other than this one, who hold the tenant admin role. */
    private int otherActiveAdmins(UUID userId) {
        Set<UUID> admins = db.fetch(USER_ROLE, USER_ROLE.ROLE.eq(Role.TENANT_ADMIN.name()).and(USER_ROLE.USER_ID.ne(userId)))
                .stream().map(UserRoleRecord::getUserId).collect(Collectors.toSet());
        return admins.isEmpty() ? 0 : db.fetch(APP_USER, APP_USER.ID.in(admins).and(APP_USER.ENABLED.isTrue())
                .and(APP_USER.DELETED_AT.isNull())).size();
    }

    /**
     * Lifts the sign-in throttle of one of the tenant's users (after many failed sign-ins against
     * the account, every address gets one free attempt at a time): their next sign-in is checked at
     * once. Throttle state is per node (admin guide).
     */
    public void liftSignInLock(UUID userId) {
        requireAdmin();
        AppUserRecord user = find(userId);
        loginThrottle.lift(user.getUsername());
        audit.record("user.unlock", user.getUsername(), Outcome.SUCCESS, "sign-in throttle lifted");
    }

    private AppUserRecord find(UUID userId) {
        // A deleted user is gone for every action: only their tombstone's id remains.
        return db.fetchOptional(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.DELETED_AT.isNull()))
                .orElseThrow(() -> new NotFoundException("User"));
    }

    private void writeRoles(UUID userId, Set<Role> roles) {
        for (Role role : roles) {
            UserRoleRecord record = db.newRecord(USER_ROLE);
            record.setUserId(userId);
            record.setRole(role.name());
            db.insert(record);
        }
    }

    private UserInfo requireAdmin() {
        return permissions.require(PlatformPermissions.MANAGE_USERS);
    }

    /** @param signInSlowed many failed sign-ins against the account have slowed its sign-in */
    public record UserSummary(UUID id, String username, String displayName, boolean enabled, Set<Role> roles,
                              boolean signInSlowed) {
    }
}
