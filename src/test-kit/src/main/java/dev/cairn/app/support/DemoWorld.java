package dev.cairn.app.support;

import static dev.cairn.app.db.Tables.PROJECT;
import static dev.cairn.app.db.Tables.TENANT;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.files.FileLimits;
import dev.cairn.app.tenancy.TenantScope;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The demo world (two tenants, their users and one project each, seeded by the demo profile through
 * the real services) plus what the demo does not create: a background job and an API token in each
 * tenant, what the plugins under test contribute ({@link DemoWorldContribution}, e.g. the approval
 * of each demo project's scoping document), and in each tenant the same stored file and an upload
 * limit of its own.
 */
@Component
public class DemoWorld {

    private final DSLContext dsl;
    private final Jobs jobs;
    private final UserAdminService users;
    private final ObjectProvider<DemoWorldContribution> contributions;
    private final FileStore files;
    private final FileLimits fileLimits;

    /** The same bytes in both tenants: each stores its own copy, and neither reaches the other's by id or hash. */
    public static final long DEMO_UPLOAD_LIMIT = 50L * 1024 * 1024;
    public static final byte[] SHARED_FILE_CONTENT = "region,churned\nnorth,12\nsouth,7\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final dev.cairn.app.api.ApiTokenService tokens;

    DemoWorld(DSLContext dsl, Jobs jobs, UserAdminService users, ObjectProvider<DemoWorldContribution> contributions, FileStore files, FileLimits fileLimits,
              dev.cairn.app.api.ApiTokenService tokens) {
        this.files = files;
        this.fileLimits = fileLimits;
        this.tokens = tokens;
        this.contributions = contributions;
        this.dsl = dsl;
        this.jobs = jobs;
        this.users = users;
    }

    public UserAdminService users() {
        return users;
    }

    public Actors actors() {
        return new Actors(dsl);
    }

    public void create() {
        for (String slug : new String[] {"acme", "globex"}) {
            ProjectRef project = projectOf(slug);
            actors().run(slug + "-member", () -> jobs.submit("cairn.tracking-sync", "Sync " + project.key(), project.id(), null));
            actors().run(slug + "-member", () -> tokens.create(new dev.cairn.app.api.ApiTokenService.TokenRequest("demo world",
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7),
                    dev.cairn.app.api.ApiTokenScope.ofRole(dev.cairn.api.security.Role.MEMBER))));
            contributions.orderedStream().forEach(contribution -> contribution.contribute(this, slug, project));
            actors().run(slug + "-member", () -> files.store(NewFile.named("churn.csv"), new java.io.ByteArrayInputStream(SHARED_FILE_CONTENT)));
            if (actors().as(slug + "-admin", () -> fileLimits.tenantLimit().isEmpty())) {
                actors().run(slug + "-admin", () -> fileLimits.setTenantLimit(DEMO_UPLOAD_LIMIT));
            }
        }
    }

    public UUID tenantId(String slug) {
        return dsl.select(TENANT.ID).from(TENANT).where(TENANT.SLUG.eq(slug)).fetchSingle(TENANT.ID);
    }

    /** The tenant's first project, read across tenants as a test's oracle (a platform read on PostgreSQL). */
    public ProjectRef projectOf(String slug) {
        UUID tenant = tenantId(slug);
        var project = TenantScope.callAsPlatform(() -> dsl.selectFrom(PROJECT).where(PROJECT.TENANT_ID.eq(tenant))
                .orderBy(PROJECT.CREATED_AT).limit(1).fetchSingle());
        return new ProjectRef(project.getId(), project.getProjectKey(), project.getName());
    }
}
