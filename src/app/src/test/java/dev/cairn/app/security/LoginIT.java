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
        "cairn.jobs.poll-interval=1h"})
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

    private MockMvc mvc;
    private String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        address = "10.1.0." + ADDRESS.incrementAndGet(); // each test its own client address for the throttle
    }

    /** The form post Vaadin's login form sends, with Spring Security's CSRF token. */
    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
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
    void afterRepeatedFailuresEvenTheRightPasswordIsRefusedAndTheLockoutIsAudited() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            mvc.perform(login("globex-member", "wrong-password-" + i).with(from(address)))
                    .andExpect(unauthenticated());
        }
        mvc.perform(login("globex-member", DemoAccounts.PASSWORD).with(from("10.2.0.1")))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR.eq("globex-member")
                .and(AUDIT_ENTRY.DETAIL.eq("lockout"))))).isEqualTo(1);
        assertThat(auditCount("globex-member", "DENIED")).isPositive();
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
