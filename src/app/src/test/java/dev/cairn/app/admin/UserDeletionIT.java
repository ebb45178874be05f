package dev.cairn.app.admin;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.API_TOKEN;
import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.PROJECT_MEMBER;
import static dev.cairn.app.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.api.ApiTokenScope;
import dev.cairn.app.api.ApiTokenService;
import dev.cairn.app.db.tables.records.AppUserRecord;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant admin deletes a user (ADR 0016): the row stays as a tombstone with the personal data
 * erased, so what the user authored still points at a user; roles, memberships, tokens and sessions
 * end at once; the deletion is audited; yourself, the last active admin, another tenant's user and a
 * caller without the permission are refused, and a refusal changes nothing. Runs on H2 and, in the
 * suite's second pass, on PostgreSQL with row-level security.
 */
@AppTest
class UserDeletionIT {

    @Autowired
    UserAdminService users;
    @Autowired
    ProjectService projects;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void aDeletedUserBecomesATombstoneAndLosesAccessAtOnce() {
        String username = "leaver-" + suffix();
        UUID leaver = actors().as("acme-admin", () -> users.create(username, "Lee Leaver", "a long leaver password",
                Set.of(Role.MEMBER)));
        ProjectRef project = world.projectOf("acme");
        actors().run("acme-pm", () -> projects.addMember(project.id(), leaver));
        UUID token = actors().as(username, () -> tokens.create(new ApiTokenService.TokenRequest("laptop",
                LocalDate.now().plusDays(30), ApiTokenScope.ofRole(Role.VIEWER))).token().id());
        String hashBefore = user(leaver).getPasswordHash();

        actors().run("acme-admin", () -> users.delete(leaver));

        AppUserRecord tombstone = user(leaver);
        assertThat(tombstone).as("the row stays, so what they wrote still names a user").isNotNull();
        assertThat(tombstone.getUsername()).isEqualTo("deleted-" + leaver);
        assertThat(tombstone.getDisplayName()).isEqualTo("Deleted user");
        assertThat(tombstone.getPasswordHash()).isNotEqualTo(hashBefore).doesNotStartWith("$argon2");
        assertThat(tombstone.getEnabled()).isFalse();
        assertThat(tombstone.getDeletedAt()).isNotNull();
        assertThat(tombstone.getSessionsValidAfter()).as("their sessions ended").isNotNull();
        assertThat(platformCount(USER_ROLE, USER_ROLE.USER_ID.eq(leaver))).as("roles").isZero();
        assertThat(platformCount(PROJECT_MEMBER, PROJECT_MEMBER.USER_ID.eq(leaver))).as("memberships").isZero();
        var tokenRow = TenantScope.callAsPlatform(() -> dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(token)).fetchSingle());
        assertThat(tokenRow.getRevokedAt()).as("their token is revoked, and kept for the record").isNotNull();
        assertThat(tokenRow.getRevokedBy()).isEqualTo("acme-admin");
        assertThat(platformCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("user.delete").and(AUDIT_ENTRY.TARGET.eq(username))
                .and(AUDIT_ENTRY.ACTOR.eq("acme-admin")).and(AUDIT_ENTRY.TENANT_ID.eq(world.tenantId("acme"))))).isEqualTo(1);
        assertThat(actors().as("acme-admin", users::list)).extracting(UserAdminService.UserSummary::id).doesNotContain(leaver);
        assertThat(platformCount(APP_USER, APP_USER.USERNAME.eq(username))).as("the username is free again").isZero();
        assertThatThrownBy(() -> actors().run("acme-admin", () -> users.setEnabled(leaver, true)))
                .as("a tombstone cannot be enabled again").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("acme-admin", () -> users.delete(leaver))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAdminCannotDeleteThemselves() {
        UUID admin = actors().principal("acme-admin").id();
        assertThatThrownBy(() -> actors().run("acme-admin", () -> users.delete(admin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("You cannot delete yourself");
        assertThat(user(admin).getDeletedAt()).isNull();
    }

    /**
     * The acting admin holds the permission from their session, but was disabled meanwhile: the
     * only other admin is then the tenant's last active one, and deleting them would leave no one to
     * manage the tenant.
     */
    @Test
    void theTenantsLastActiveAdminCannotBeDeleted() {
        String acting = "acting-admin-" + suffix();
        String last = "last-admin-" + suffix();
        UUID tenant = world.tenantId("globex");
        UUID actingId = actors().as("globex-admin", () -> users.create(acting, "Acting Admin", "a long acting password",
                Set.of(Role.TENANT_ADMIN)));
        UUID lastId = actors().as("globex-admin", () -> users.create(last, "Last Admin", "a long last password",
                Set.of(Role.TENANT_ADMIN)));
        UUID globexAdmin = actors().principal("globex-admin").id();
        var actingPrincipal = actors().principal(acting);
        setEnabled(globexAdmin, false);
        setEnabled(actingId, false);
        try {
            actors().signIn(acting);
            assertThat(actingPrincipal.tenantId()).isEqualTo(tenant);
            assertThatThrownBy(() -> users.delete(lastId)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(last + " is the tenant's last active admin: make another user tenant admin first.");
            assertThat(user(lastId).getDeletedAt()).as("nothing changed").isNull();
            assertThat(platformCount(USER_ROLE, USER_ROLE.USER_ID.eq(lastId))).isEqualTo(1);
        } finally {
            Actors.signOut();
            setEnabled(globexAdmin, true);
        }
    }

    @Test
    void anAdminOfAnotherTenantGetsNotFoundAndTheUserStays() {
        UUID acmeMember = actors().principal("acme-member").id();
        assertThatThrownBy(() -> actors().run("globex-admin", () -> users.delete(acmeMember))).isInstanceOf(NotFoundException.class);
        AppUserRecord member = user(acmeMember);
        assertThat(member.getDeletedAt()).isNull();
        assertThat(member.getUsername()).isEqualTo("acme-member");
        assertThat(member.getEnabled()).isTrue();
    }

    @Test
    void aMemberCannotDeleteAUser() {
        UUID viewer = actors().principal("acme-viewer").id();
        assertThatThrownBy(() -> actors().run("acme-member", () -> users.delete(viewer))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors().run("acme-pm", () -> users.delete(viewer))).isInstanceOf(AccessDeniedException.class);
        assertThat(user(viewer).getDeletedAt()).isNull();
    }

    private AppUserRecord user(UUID id) {
        return TenantScope.callAsPlatform(() -> dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOne());
    }

    private int platformCount(org.jooq.Table<?> table, org.jooq.Condition condition) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(table, condition));
    }

    private void setEnabled(UUID id, boolean enabled) {
        TenantScope.runAsPlatform(() -> dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(id)).execute());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
