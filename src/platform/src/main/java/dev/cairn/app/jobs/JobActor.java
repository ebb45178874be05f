package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.APP_USER;
import static dev.cairn.app.db.Tables.TENANT;
import static dev.cairn.app.db.Tables.USER_ROLE;

import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Role;
import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.security.CairnPrincipal;
import dev.cairn.app.security.PermissionScope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a job acts as: the user who started it, with no more than they could do then. The runner
 * signs that user in on the job's thread, so the permission checks of the services a handler calls,
 * the audit log and the runs it records (mlflow.user) name them, as if they had clicked.
 *
 * <p>At start the job keeps the starter's id, the roles they acted with and, for an API token scoped
 * to permissions, those permissions. At run time the user is read again: a user deleted or disabled
 * since (or whose tenant was disabled, or who holds no role any more) cannot act, and the job fails
 * saying so; roles taken away since are gone for the job too, roles added since are not used.
 */
final class JobActor {

    private JobActor() {
    }

    /** Records on the new job who starts it, from the signed-in user and their authentication. */
    static void recordStarter(JobRecord job, UserInfo user) {
        job.setStartedBy(user.id());
        job.setActingRoles(user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" ")));
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PermissionScope scope && scope.permissionIds() != null) {
            job.setPermissionScope(String.join(" ", new TreeSet<>(scope.permissionIds())));
        }
    }

    /**
     * The authentication the job runs with; empty for a job from before starters were recorded.
     * Reads the user with the platform's DSLContext: call it where the job's tenant is in scope.
     *
     * @throws StarterCannotAct when the starter can no longer act in the job's tenant
     */
    static Optional<Authentication> of(JobRecord job, DSLContext dsl) {
        if (job.getStartedBy() == null) {
            return Optional.empty();
        }
        var user = dsl.select(APP_USER.ID, APP_USER.TENANT_ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ENABLED,
                        APP_USER.DELETED_AT, TENANT.ENABLED)
                .from(APP_USER).join(TENANT).on(TENANT.ID.eq(APP_USER.TENANT_ID))
                .where(APP_USER.ID.eq(job.getStartedBy())).and(APP_USER.TENANT_ID.eq(job.getTenantId()))
                .fetchOptional()
                .orElseThrow(() -> new StarterCannotAct(job, "no longer exists"));
        if (user.get(APP_USER.DELETED_AT) != null) {
            throw new StarterCannotAct(job, "was deleted");
        }
        if (!user.get(APP_USER.ENABLED) || !user.get(TENANT.ENABLED)) {
            throw new StarterCannotAct(job, "is disabled");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(job.getStartedBy()))
                .fetch(USER_ROLE.ROLE).forEach(role -> roles.add(Role.valueOf(role)));
        roles.retainAll(words(job.getActingRoles()).stream().map(Role::valueOf).collect(Collectors.toSet()));
        if (roles.isEmpty()) {
            throw new StarterCannotAct(job, "no longer holds the role they started it with");
        }
        var principal = new CairnPrincipal(user.get(APP_USER.ID), user.get(APP_USER.TENANT_ID), user.get(APP_USER.USERNAME),
                user.get(APP_USER.DISPLAY_NAME), null, true, roles);
        Set<String> scope = job.getPermissionScope() == null ? null : words(job.getPermissionScope());
        return Optional.of(new JobAuthentication(principal, scope));
    }

    /** Runs the work signed in as the actor (nobody when null), restoring the thread's context after. */
    static void runAs(Authentication actor, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(actor);
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Set<String> words(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
    }

    /** The job's starter cannot act any more; the job fails with this message. */
    static final class StarterCannotAct extends RuntimeException {
        StarterCannotAct(JobRecord job, String why) {
            super("Not run: " + job.getCreatedBy() + ", who started it, " + why + ".");
        }
    }

    /** The starter signed in for the job's thread, narrowed as their authentication was when they started it. */
    static final class JobAuthentication extends AbstractAuthenticationToken implements PermissionScope {
        private final CairnPrincipal principal;
        private final Set<String> permissionIds;

        JobAuthentication(CairnPrincipal principal, Set<String> permissionIds) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.permissionIds = permissionIds;
            setAuthenticated(true);
        }

        @Override
        public Set<String> permissionIds() {
            return permissionIds;
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
}
