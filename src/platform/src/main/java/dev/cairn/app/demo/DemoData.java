package dev.cairn.app.demo;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.api.plugin.DemoSeeder;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.PlatformAdminBootstrap;
import dev.cairn.app.admin.TenantAdminService;
import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.tenancy.TenantScope;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: two tenants (Acme, Globex) with an admin, a project manager, a member and a viewer each,
 * a platform admin, and one example project in Acme with content from every plugin. All through the
 * real services, acting as the users who would do it.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DSLContext dsl;
    private final PlatformAdminBootstrap platformAdmin;
    private final TenantAdminService tenants;
    private final UserAdminService users;
    private final ProjectService projects;
    private final List<DemoSeeder> seeders;
    private final PasswordEncoder encoder;

    DemoData(DSLContext dsl, PlatformAdminBootstrap platformAdmin, TenantAdminService tenants, UserAdminService users,
             ProjectService projects, List<DemoSeeder> seeders, PasswordEncoder encoder) {
        this.dsl = dsl;
        this.encoder = encoder;
        this.platformAdmin = platformAdmin;
        this.tenants = tenants;
        this.users = users;
        this.projects = projects;
        this.seeders = seeders;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seed() {
        if (dsl.fetchExists(TENANT, TENANT.SLUG.eq("acme"))) {
            return;
        }
        LOG.info("Seeding demo tenants and users (demo profile)");
        // The password policy refuses the demo password for every new password, so the accounts are
        // created through the real services with a throw-away one and given the documented one after.
        String seedPassword = "seed-" + UUID.randomUUID();
        // A platform admin bootstrapped from configuration keeps the password it was given.
        List<String> existing = TenantScope.callAsPlatform(() -> dsl.select(APP_USER.USERNAME).from(APP_USER).fetch(APP_USER.USERNAME));
        platformAdmin.ensurePlatformAdmin("platform", "Pat Platform", seedPassword);
        actAs("platform", () -> {
            tenants.create("Acme Corp", "acme", "acme-admin", "Ada Admin (Acme)", seedPassword);
            tenants.create("Globex", "globex", "globex-admin", "Gil Admin (Globex)", seedPassword);
        });
        for (String slug : List.of("acme", "globex")) {
            actAs(slug + "-admin", () -> DemoAccounts.ALL.stream()
                    .filter(a -> slug.equals(a.tenantSlug()) && a.role() != Role.TENANT_ADMIN)
                    .forEach(a -> users.create(a.username(), a.displayName(), seedPassword, Set.of(a.role()))));
        }
        // A platform write: the demo accounts belong to several tenants (and to none).
        String demoHash = encoder.encode(DemoAccounts.PASSWORD);
        TenantScope.runAsPlatform(() -> dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, demoHash)
                .where(APP_USER.USERNAME.in(DemoAccounts.ALL.stream().map(DemoAccounts.Account::username)
                        .filter(username -> !existing.contains(username)).toList()))
                .execute());
        actAs("acme-pm", () -> {
            ProjectRef churn = projects.create("Customer churn", "CHURN",
                    "Predict which subscribers will cancel in the next 30 days, so retention can call them first.");
            seeders.forEach(seeder -> seeder.seed(churn));
        });
        actAs("globex-pm", () -> {
            ProjectRef forecast = projects.create("Demand forecast", "FCAST",
                    "Forecast weekly demand per store and product to cut stock-outs.");
            seeders.forEach(seeder -> seeder.seed(forecast));
        });
    }

    private void actAs(String username, Runnable work) {
        // A platform read, as at sign-in: the user is looked up before their tenant is known.
        CairnPrincipal principal = TenantScope.callAsPlatform(() -> principalOf(username));
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            SecurityContextHolder.setContext(context);
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private CairnPrincipal principalOf(String username) {
        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle();
        Set<Role> roles = Set.copyOf(dsl.select(dev.cairn.app.db.Tables.USER_ROLE.ROLE).from(dev.cairn.app.db.Tables.USER_ROLE)
                .where(dev.cairn.app.db.Tables.USER_ROLE.USER_ID.eq(user.getId()))
                .fetch(r -> Role.valueOf(r.value1())));
        return new CairnPrincipal(user.getId(), user.getTenantId(), user.getUsername(), user.getDisplayName(), null, true, roles);
    }

}
