package dev.cairn.app.security;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.demo.DemoAccounts;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** SECURITY.md items 8-11 and 13 for logins, through the real security filter chain. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:login;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.security.login.first-delay=10m"})
@ActiveProfiles("demo")
class LoginIT {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    WebApplicationContext context;
    @Autowired
    DSLContext dsl;
    @Autowired
    SessionRegistry sessionRegistry;
    @Autowired
    UserAdminService users;
    @Autowired
    WebInvocationPrivilegeEvaluator privileges;
    @Autowired
    dev.cairn.app.admin.TenantAdminService tenants;
    @Autowired
    dev.cairn.app.admin.PlatformAdminBootstrap bootstrap;

    private MockMvc mvc;
    private String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        address = "10.1.0." + ADDRESS.incrementAndGet(); // each test its own client address for the throttle
    }

    /** The form post Vaadin's login form sends from Cairn's own page (MockMvc's origin is http://localhost). */
    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password)
                .header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin");
    }

    private RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    @Test
    void theRightPasswordSignsInWithANewSessionId() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String oldId = before.getId();
        MvcResult result = mvc.perform(login("acme-pm", DemoAccounts.PASSWORD)
                .session(before).with(from(address))).andExpect(authenticated().withUsername("acme-pm")).andReturn();
        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(oldId);
        assertThat(auditCount("acme-pm", "SUCCESS")).isPositive();
    }

    @Test
    void anUnknownUrlSendsAnonymousUsersToTheLoginAndLetsSignedInUsersSeeNotFound() throws Exception {
        int anonymous = mvc.perform(get("/no/such/page").with(from(address))).andReturn().getResponse().getStatus();
        String location = mvc.perform(get("/no/such/page").with(from(address))).andReturn().getResponse().getRedirectedUrl();
        assertThat(anonymous).isEqualTo(302);
        assertThat(location).endsWith("/login");
        // MockMvc has no Vaadin servlet to answer for it, so ask the filter chain's own authorization.
        var principal = new Actors(dsl).principal("acme-member");
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        assertThat(privileges.isAllowed("/no/such/page", signedIn)).as("a signed-in user reaches Cairn's not-found page").isTrue();
        assertThat(privileges.isAllowed("/actuator/env", signedIn)).as("actuator endpoints other than health stay closed").isFalse();
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        MvcResult wrongPassword = mvc.perform(login("acme-pm", "not-the-password-1").with(from(address))).andExpect(unauthenticated()).andReturn();
        MvcResult unknownUser = mvc.perform(login("nobody-here", "not-the-password-1").with(from(address))).andExpect(unauthenticated()).andReturn();
        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo(unknownUser.getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(auditCount("nobody-here", "FAILURE")).isEqualTo(1);
    }

    @Test
    void repeatedFailuresSlowTheFailingAddressButNeverLockTheOwnerOut() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(login("globex-viewer", "wrong-password-" + i).with(from(address))).andExpect(unauthenticated());
        }
        mvc.perform(login("globex-viewer", DemoAccounts.PASSWORD).with(from(address)))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(auditCount("globex-viewer", "DENIED")).as("the throttled attempt is audited").isEqualTo(1);
        mvc.perform(login("globex-viewer", DemoAccounts.PASSWORD).with(from("10.2.0.1")))
                .andExpect(authenticated().withUsername("globex-viewer"));
    }

    @Test
    void manyFailuresSlowTheAccountAsAnAuditedLockoutThatItsTenantAdminCanLift() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(login("globex-member", "wrong-password-" + i).with(from("10.3.0." + i))).andExpect(unauthenticated());
        }
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR.eq("globex-member")
                .and(AUDIT_ENTRY.DETAIL.eq("lockout"))))).isEqualTo(1);
        Actors actors = new Actors(dsl);
        var member = actors.as("globex-admin", () -> users.list()).stream()
                .filter(u -> u.username().equals("globex-member")).findFirst().orElseThrow();
        assertThat(member.signInSlowed()).isTrue();
        mvc.perform(login("globex-member", "wrong-password-x").with(from("10.3.1.1"))).andExpect(unauthenticated());
        // A hot account gives each address one attempt at a time: the next one waits.
        mvc.perform(login("globex-member", DemoAccounts.PASSWORD).with(from("10.3.1.1"))).andExpect(unauthenticated());

        actors.run("globex-admin", () -> users.liftSignInLock(member.id()));

        assertThat(actors.as("globex-admin", () -> users.list()).stream()
                .filter(u -> u.username().equals("globex-member")).findFirst().orElseThrow().signInSlowed()).isFalse();
        assertThat(TenantScope.<Integer>callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("user.unlock").and(AUDIT_ENTRY.TARGET.eq("globex-member"))
                .and(AUDIT_ENTRY.ACTOR.eq("globex-admin"))))).isEqualTo(1);
        mvc.perform(login("globex-member", DemoAccounts.PASSWORD).with(from("10.3.1.1")))
                .andExpect(authenticated().withUsername("globex-member"));
    }

    @Test
    void anotherTenantsAdminCannotLiftTheLock() {
        Actors actors = new Actors(dsl);
        java.util.UUID globexMember = actors.principal("globex-member").id();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> actors.run("acme-admin", () -> users.liftSignInLock(globexMember))))
                .isInstanceOf(dev.cairn.api.tenancy.NotFoundException.class);
    }

    @Test
    void fiftyParallelWrongSignInsRecordAtMostTheFreeAttempts() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        var start = new java.util.concurrent.CountDownLatch(1);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                start.await();
                return mvc.perform(login("acme-viewer", "parallel-wrong-" + n).with(from(address))).andReturn();
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        assertThat(auditCount("acme-viewer", "FAILURE")).as("checked and recorded failures").isEqualTo(3);
        assertThat(auditCount("acme-viewer", "DENIED")).as("refusals audited once per address").isEqualTo(1);
    }

    @Test
    void aCrossSiteSignInIsRefusedAndTheSameSiteOneSignsIn() throws Exception {
        var noOrigin = post("/login").param("username", "acme-pm").param("password", DemoAccounts.PASSWORD);
        mvc.perform(noOrigin.with(from(address))).andExpect(unauthenticated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(post("/login").param("username", "acme-pm").param("password", DemoAccounts.PASSWORD)
                .header("Origin", "https://evil.example").with(from(address))).andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "acme-pm").param("password", DemoAccounts.PASSWORD)
                .header("Sec-Fetch-Site", "cross-site").header("Origin", "http://localhost").with(from(address)))
                .andExpect(unauthenticated());
        mvc.perform(login("acme-pm", DemoAccounts.PASSWORD).with(from(address))).andExpect(authenticated());
    }

    @Test
    void newPasswordsAreStoredAsArgon2id() {
        String username = "argon-" + ADDRESS.incrementAndGet();
        new Actors(dsl).run("acme-admin", () -> users.create(username, "Argon Check", "a long and unusual passphrase",
                java.util.Set.of(dev.cairn.api.security.Role.MEMBER)));
        String hash = TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.APP_USER.PASSWORD_HASH).from(dev.cairn.app.db.Tables.APP_USER)
                .where(dev.cairn.app.db.Tables.APP_USER.USERNAME.eq(username)).fetchSingle(dev.cairn.app.db.Tables.APP_USER.PASSWORD_HASH));
        assertThat(hash).startsWith("$argon2id$v=19$");
    }

    @Test
    void everyWayToSetANewPasswordRefusesTheDemoPasswordAndCommonOnes() {
        Actors actors = new Actors(dsl);
        for (String refused : new String[] {DemoAccounts.PASSWORD, "password123", "Basketball", "24081990"}) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> actors.run("acme-admin",
                    () -> users.create("new-" + ADDRESS.incrementAndGet(), "New", refused, java.util.Set.of(dev.cairn.api.security.Role.MEMBER)))))
                    .as("user creation with " + refused).hasMessage("Password is too common. Choose another.");
            String slug = "t" + ADDRESS.incrementAndGet();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> actors.run("platform",
                    () -> tenants.create("Tenant " + slug, slug, slug + "-admin", "Admin", refused))))
                    .as("tenant creation with " + refused).hasMessage("Password is too common. Choose another.");
            assertThat(dsl.fetchExists(dev.cairn.app.db.Tables.TENANT, dev.cairn.app.db.Tables.TENANT.SLUG.eq(slug)))
                    .as("no half-created tenant").isFalse();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> bootstrap.ensurePlatformAdmin("root-" + ADDRESS.incrementAndGet(), "Root", refused)))
                    .as("platform admin bootstrap with " + refused).hasMessage("Password is too common. Choose another.");
        }
    }

    @Test
    void aForgedLineInTheUsernameCannotForgeAnAuditEntry() throws Exception {
        mvc.perform(login("eve\nadmin login SUCCESS", "whatever-123").with(from(address)))
                .andExpect(unauthenticated());
        assertThat(TenantScope.callAsPlatform(() -> dsl.select(AUDIT_ENTRY.ACTOR).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTOR.startsWith("eve"))
                .fetch(AUDIT_ENTRY.ACTOR))).allMatch(actor -> !actor.contains("\n"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MvcResult login = mvc.perform(login("acme-member", DemoAccounts.PASSWORD)
                .with(from(address))).andExpect(authenticated()).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void disablingAUserEndsTheirLiveSessions() {
        Actors actors = new Actors(dsl);
        CairnPrincipal member = actors.principal("globex-pm");
        sessionRegistry.registerNewSession("live-session-of-globex-pm", member);
        actors.run("globex-admin", () -> users.setEnabled(member.id(), false));
        assertThat(sessionRegistry.getSessionInformation("live-session-of-globex-pm").isExpired()).isTrue();
        actors.run("globex-admin", () -> users.setEnabled(member.id(), true));
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        Actors actors = new Actors(dsl);
        CairnPrincipal admin = actors.principal("acme-admin");
        java.util.UUID memberId = actors.principal("acme-member").id();
        actors.run(admin.getUsername(), () -> users.setEnabled(memberId, false));
        try {
            mvc.perform(login("acme-member", DemoAccounts.PASSWORD).with(from(address)))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        } finally {
            actors.run(admin.getUsername(), () -> users.setEnabled(memberId, true));
        }
    }

    /** Entries of every tenant and of none (on PostgreSQL a platform read past row-level security). */
    private int auditCount(String actor, String outcome) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR.eq(actor).and(AUDIT_ENTRY.ACTION.eq("login"))
                .and(AUDIT_ENTRY.OUTCOME.eq(outcome)).and(AUDIT_ENTRY.AT.isNotNull())));
    }
}
