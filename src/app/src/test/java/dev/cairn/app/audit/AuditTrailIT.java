package dev.cairn.app.audit;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.TenantAdminService;
import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.audit.TenantChoice.OneTenant;
import dev.cairn.app.demo.DemoAccounts;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * SECURITY.md 13: each security-relevant action leaves an entry that an admin reads back through
 * the audit log with its UTC time, actor, tenant, target and outcome. Real services, real login
 * filter chain, real database (H2, then PostgreSQL).
 */
@AppTest
class AuditTrailIT {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    WebApplicationContext context;
    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    UserAdminService users;
    @Autowired
    TenantAdminService tenants;
    @Autowired
    ProjectService projects;
    @Autowired
    AuditLogService audit;

    private Actors actors;
    private UUID acme;
    private Instant before;

    @BeforeEach
    void setUp() {
        actors = new Actors(dsl);
        acme = world.tenantId("acme");
        // Stored times may be cut to the database's precision: allow for it at the start.
        before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
    }

    @Test
    void creatingAUserChangingTheirRolesAndDisablingThemAreEachAudited() {
        String username = "trail-" + suffix();
        UUID user = actors.as("acme-admin", () -> users.create(username, "Trail User", "a long trail password", Set.of(Role.MEMBER)));
        actors.run("acme-admin", () -> users.setRoles(user, Set.of(Role.VIEWER)));
        actors.run("acme-admin", () -> users.setEnabled(user, false));

        assertEntry(readBack("acme-admin", "user.create", username), "acme-admin", acme, username, "SUCCESS");
        AuditEntry roles = readBack("acme-admin", "user.roles", username);
        assertEntry(roles, "acme-admin", acme, username, "SUCCESS");
        assertThat(roles.detail()).isEqualTo("roles=[VIEWER]");
        assertEntry(readBack("acme-admin", "user.disable", username), "acme-admin", acme, username, "SUCCESS");
    }

    @Test
    void addingAndRemovingAProjectMemberAreAuditedByName() {
        ProjectRef project = world.projectOf("acme");
        String username = "trail-member-" + suffix();
        UUID user = actors.as("acme-admin", () -> users.create(username, "Trail Member", "a long trail password", Set.of(Role.MEMBER)));
        actors.run("acme-pm", () -> projects.addMember(project.id(), user));
        actors.run("acme-pm", () -> projects.removeMember(project.id(), user));

        String target = project.key() + ":" + username;
        assertEntry(readBack("acme-admin", "project.member.add", target), "acme-pm", acme, target, "SUCCESS");
        assertEntry(readBack("acme-admin", "project.member.remove", target), "acme-pm", acme, target, "SUCCESS");
    }

    @Test
    void thePlatformAdminsTenantActionsAreAuditedInThatTenantForItsAdminsToSee() {
        String slug = "trail-" + suffix();
        String firstAdmin = slug + "-admin";
        UUID tenant = actors.as("platform", () -> tenants.create("Trail " + slug, slug, firstAdmin, "Trail Admin", "a long first password"));

        AuditEntry created = actors.as("platform", () -> only(audit.page(
                new AuditFilter(new OneTenant(tenant, slug), null, "tenant.create", null, null, null), 0, 10)));
        assertEntry(created, "platform", tenant, slug, "SUCCESS");
        assertThat(created.tenantSlug()).isEqualTo(slug);
        assertEntry(readBack(firstAdmin, "tenant.create", slug), "platform", tenant, slug, "SUCCESS");

        actors.run("platform", () -> tenants.setEnabled(tenant, false));
        assertEntry(readBack("platform", "tenant.disable", slug), "platform", tenant, slug, "SUCCESS");
    }

    @Test
    void aSuccessfulSignInIsAuditedInTheUsersTenantWithTheClientAddress() throws Exception {
        String address = nextAddress();
        mvc().perform(post("/login").param("username", "acme-viewer").param("password", DemoAccounts.PASSWORD).with(csrf())
                .header("Sec-Fetch-Site", "same-origin").with(request -> remote(request, address)));

        assertEntry(readBack("acme-admin", "login", address), "acme-viewer", acme, address, "SUCCESS");
    }

    @Test
    void aFailedSignInAndALockoutAreAuditedForThePlatformAdmin() throws Exception {
        // From a new address each time: the throttle slows one address long before it slows the account.
        String network = "10.14." + ADDRESS.incrementAndGet() + ".";
        String username = "trail-lock-" + suffix();
        actors.run("acme-admin", () -> users.create(username, "Trail Lock", "a long trail password", Set.of(Role.MEMBER)));

        // Wrong passwords until the account is slowed (the throttle's limit is its own business).
        for (int attempt = 0; attempt < 30 && lockouts(username) == 0; attempt++) {
            String address = network + attempt;
            mvc().perform(post("/login").param("username", username).param("password", "wrong-password-" + attempt).with(csrf())
                    .header("Sec-Fetch-Site", "same-origin").with(request -> remote(request, address)));
        }

        List<AuditEntry> failures = actors.as("platform", () -> audit.page(
                new AuditFilter(TenantChoice.NONE, username, "login", null, null, null), 0, 50));
        assertThat(failures).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.target()).startsWith(network);
            assertEntry(entry, username, null, entry.target(), "FAILURE");
        });
        assertThat(failures).extracting(AuditEntry::detail).contains("bad credentials").containsOnlyOnce("lockout");
    }

    private int lockouts(String username) {
        return dev.cairn.app.tenancy.TenantScope.callAsPlatform(
                () -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR.eq(username).and(AUDIT_ENTRY.DETAIL.eq("lockout"))));
    }

    /** The newest entry of the action on the target, read back through the audit log as the given admin. */
    private AuditEntry readBack(String reader, String action, String target) {
        return actors.as(reader, () -> audit.page(new AuditFilter(null, null, action, target, null, null), 0, 50)).stream()
                .filter(entry -> target.equals(entry.target())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry on " + target + " visible to " + reader));
    }

    private void assertEntry(AuditEntry entry, String actor, UUID tenant, String target, String outcome) {
        assertThat(entry.actor()).isEqualTo(actor);
        assertThat(entry.tenantId()).isEqualTo(tenant);
        assertThat(entry.target()).isEqualTo(target);
        assertThat(entry.outcome()).isEqualTo(outcome);
        assertThat(entry.at()).isBetween(before, Instant.now());
        var stored = dev.cairn.app.tenancy.TenantScope.callAsPlatform(
                () -> dsl.select(AUDIT_ENTRY.AT).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(entry.id())).fetchSingle(AUDIT_ENTRY.AT));
        assertThat(stored.getOffset()).as("stored in UTC").isEqualTo(ZoneOffset.UTC);
    }

    private static AuditEntry only(List<AuditEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private static org.springframework.mock.web.MockHttpServletRequest remote(org.springframework.mock.web.MockHttpServletRequest request,
                                                                            String address) {
        request.setRemoteAddr(address);
        return request;
    }

    private static String nextAddress() {
        return "10.13.0." + ADDRESS.incrementAndGet();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
