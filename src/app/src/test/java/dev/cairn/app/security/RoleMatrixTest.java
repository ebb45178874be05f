package dev.cairn.app.security;

import dev.cairn.app.plugins.PlatformPermissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.security.Role;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.deployment.DeploymentPermissions;
import dev.cairn.plugin.modeling.ModelingPermissions;
import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.app.admin.TenantAdminService;
import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.jobs.JobService;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.deployment.TargetService;
import dev.cairn.plugin.modeling.BaselineService;
import dev.cairn.plugin.scoping.ProblemStatement;
import dev.cairn.api.scoping.Direction;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.milestone.Milestone;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.portfolio.CandidateSolution;
import dev.cairn.plugin.scoping.document.SeparationOfDutiesException;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.value.ValueAssessment;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * SECURITY.md item 3: every role against every view and every service action. The platform's rows
 * are written out below (the same table as docs/admin-guide.md); a plugin project page's row is
 * derived from the permission the page requires. The routes come from Vaadin's registry, so a new
 * platform view without a row fails this test, and a new plugin page is checked without one. A denied action is refused by the service
 * itself, not only hidden in the view.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rolematrix;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=100ms"})
@ActiveProfiles("demo")
class RoleMatrixTest extends SpringBrowserlessTest {

    /** One demo user per role, all in Acme except the platform admin, who has no tenant. */
    enum Who {
        PLATFORM_ADMIN("platform"), TENANT_ADMIN("acme-admin"), PROJECT_MANAGER("acme-pm"), MEMBER("acme-member"),
        VIEWER("acme-viewer");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    private static final Set<Who> TENANT_USERS = EnumSet.of(Who.TENANT_ADMIN, Who.PROJECT_MANAGER, Who.MEMBER, Who.VIEWER);
    private static final Set<Who> MANAGERS = EnumSet.of(Who.TENANT_ADMIN, Who.PROJECT_MANAGER);
    private static final Set<Who> CONTRIBUTORS = EnumSet.of(Who.TENANT_ADMIN, Who.PROJECT_MANAGER, Who.MEMBER);

    /** Who may open a view, and who sees its editing control (by its label) there. */
    record ViewRule(Set<Who> open, String editControl, Set<Who> edit) {
    }

    /**
     * The platform's own views, written out. A plugin's project page is not listed: its row comes from
     * the permission its ProjectPage requires (see {@link #pluginPageRule}), so a new plugin page is in
     * the matrix the moment it is routed. The scoping portfolio is a tenant page, not a project page,
     * and declares no permission the platform can read, so it is written out too.
     */
    private Map<String, ViewRule> platformViews() {
        return Map.ofEntries(
            Map.entry("", new ViewRule(TENANT_USERS, "New project", MANAGERS)),
            Map.entry("project/:___url_parameter", new ViewRule(TENANT_USERS, "Add", MANAGERS)),
            Map.entry("lineage/:___url_parameter", new ViewRule(TENANT_USERS, null, Set.of())),
            Map.entry("jobs", new ViewRule(TENANT_USERS, null, Set.of())),
            // Everyone signed in may open it; the platform admin, who has no tenant, gets no "New token".
            Map.entry("account/tokens", new ViewRule(EnumSet.allOf(Who.class), "New token", TENANT_USERS)),
            Map.entry("admin/tenants", new ViewRule(EnumSet.of(Who.PLATFORM_ADMIN), "New tenant", EnumSet.of(Who.PLATFORM_ADMIN))),
            Map.entry("admin/users", new ViewRule(EnumSet.of(Who.TENANT_ADMIN), "New user", EnumSet.of(Who.TENANT_ADMIN))),
            Map.entry("admin/files", new ViewRule(EnumSet.of(Who.TENANT_ADMIN), "Save limit", EnumSet.of(Who.TENANT_ADMIN))),
            Map.entry("admin/audit", new ViewRule(EnumSet.of(Who.PLATFORM_ADMIN, Who.TENANT_ADMIN), null, Set.of())),
            Map.entry("scoping/portfolio", new ViewRule(holders(ScopingPermissions.READ), null, Set.of())));
    }

    /** An editing control known on a plugin page, and the permission that shows it: checked when the page has one here. */
    record EditControl(String label, PermissionDefinition permission) {
    }

    private static final Map<String, EditControl> PLUGIN_EDIT_CONTROLS = Map.of(
            "scoping/document/:___url_parameter", new EditControl("Save problem", ScopingPermissions.EDIT),
            "data/datasets/:___url_parameter", new EditControl("Register dataset", DataPermissions.REGISTER),
            "modeling/baselines/:___url_parameter", new EditControl("Record baseline", ModelingPermissions.RECORD_BASELINE),
            "deployment/targets/:___url_parameter", new EditControl("Define target", DeploymentPermissions.DEFINE_TARGET));

    /** Every route's row: the platform's written out, each plugin project page's derived from the page itself. */
    private Map<String, ViewRule> views(List<RouteData> routes) {
        Map<String, ViewRule> rows = new java.util.HashMap<>(platformViews());
        for (RouteData route : routes) {
            if (dev.cairn.api.ui.ProjectPage.class.isAssignableFrom(route.getNavigationTarget())) {
                rows.put(route.getTemplate(), pluginPageRule(route));
            }
        }
        return rows;
    }

    /**
     * Those who hold the page's required permission open it, everyone else gets "not found"; a known
     * editing control is shown to the holders of its permission. The page is built (as the tenant
     * admin, whose roles its constructor may ask about) only to read the permission it requires.
     */
    private ViewRule pluginPageRule(RouteData route) {
        UI.getCurrent().navigate("login");
        new Actors(dsl).signIn(Who.TENANT_ADMIN.username);
        var page = (dev.cairn.api.ui.ProjectPage) com.vaadin.flow.di.Instantiator.get(UI.getCurrent())
                .createRouteTarget(route.getNavigationTarget(), null);
        EditControl control = PLUGIN_EDIT_CONTROLS.get(route.getTemplate());
        return new ViewRule(holders(page.requiredPermission()), control == null ? null : control.label(),
                control == null ? Set.of() : holders(control.permission()));
    }

    @Autowired
    dev.cairn.plugin.data.selection.FeatureRankings featureRankings;
    @Autowired
    DemoWorld world;
    @Autowired
    RolePolicy policy;
    @Autowired
    dev.cairn.app.plugins.PluginRegistry plugins;

    private final Set<PermissionDefinition> covered = new java.util.HashSet<>();
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    UserAdminService users;
    @Autowired
    TenantAdminService tenants;
    @Autowired
    dev.cairn.app.files.FileLimits fileLimits;
    @Autowired
    dev.cairn.api.files.FileStore files;
    @Autowired
    dev.cairn.plugin.data.DatasetVersions datasetVersions;
    @Autowired
    dev.cairn.plugin.data.DatasetRecipes datasetRecipes;
    @Autowired
    dev.cairn.plugin.data.labels.HumanLevelFigureStore humanLevelFigures;
    @Autowired
    dev.cairn.plugin.data.validation.VersionValidations versionValidations;
    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles storedProfiles;
    @Autowired
    dev.cairn.app.files.StoredFileService storedFiles;
    @Autowired
    JobService jobs;
    @Autowired
    DatasetService datasets;
    @Autowired
    BaselineService baselines;
    @Autowired
    TargetService targets;
    @Autowired
    ProblemStatementService problems;
    @Autowired
    CanvasService canvas;
    @Autowired
    MetricContractService contracts;
    @Autowired
    FeasibilityService feasibility;
    @Autowired
    ScopingReviewService reviews;
    @Autowired
    CommentService comments;
    @Autowired
    MilestoneService milestones;
    @Autowired
    CandidateService candidates;
    @Autowired
    dev.cairn.plugin.scoping.template.ScopingStarter starter;
    @Autowired
    dev.cairn.plugin.scoping.value.ValueService value;
    @Autowired
    dev.cairn.plugin.scoping.export.ScopingExport export;
    @Autowired
    dev.cairn.app.audit.AuditLogService auditLog;
    @Autowired
    com.example.cairn.notes.NotesService exampleNotes;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void everyRoleAgainstEveryView() {
        ProjectRef project = world.projectOf("acme");
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !route.getTemplate().equals("login")).toList();
        Map<String, ViewRule> views = views(routes);
        assertThat(routes.stream().map(RouteData::getTemplate)).as("every view has a row in the matrix")
                .containsExactlyInAnyOrderElementsOf(views.keySet());
        List<String> wrong = new ArrayList<>();
        for (RouteData route : routes) {
            ViewRule rule = views.get(route.getTemplate());
            String url = route.getTemplate().replace(":___url_parameter", project.id().toString());
            for (Who who : Who.values()) {
                // Leave the route first: navigating to the route already shown keeps its view instance,
                // which was built for the previous user.
                UI.getCurrent().navigate("login");
                new Actors(dsl).signIn(who.username);
                UI.getCurrent().navigate(url);
                Object view = getCurrentView();
                boolean opened = route.getNavigationTarget().isInstance(view);
                if (opened != rule.open().contains(who)) {
                    wrong.add(who + (opened ? " opened " : " could not open ") + url);
                }
                if (opened && rule.editControl() != null) {
                    boolean edits = visibleButton((Component) view, rule.editControl());
                    if (edits != rule.edit().contains(who)) {
                        wrong.add(who + (edits ? " sees " : " does not see ") + "'" + rule.editControl() + "' on " + url);
                    }
                }
            }
        }
        assertThat(wrong).as("differences from the role matrix").isEmpty();
    }

    /** The third-party test plugin's page is nowhere in this test, yet it is checked like every other page. */
    @Test
    void aPluginPageIsInTheMatrixWithoutARowWrittenForIt() {
        String notes = "example/notes/:___url_parameter";
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(platformViews()).doesNotContainKey(notes);
        assertThat(PLUGIN_EDIT_CONTROLS).doesNotContainKey(notes);
        ViewRule rule = views(routes).get(notes);
        assertThat(rule).as("the notes page's derived row").isNotNull();
        assertThat(rule.open()).isEqualTo(holders(com.example.cairn.notes.NotesPermissions.READ))
                .doesNotContain(Who.PLATFORM_ADMIN).contains(Who.VIEWER);
    }

    @Test
    void everyRoleAgainstEveryServiceAction() {
        ProjectRef project = world.projectOf("acme");
        var actors = new Actors(dsl);
        UUID memberId = actors.principal("acme-member").id();
        UUID someoneElsesJob = actors.as("acme-admin", () -> jobs.submit("cairn.tracking-sync", "Sync", project.id(), null));
        UUID spareUser = actors.as("acme-admin", () -> users.create("spare-" + suffix(), "Spare", "a long spare password", Set.of(Role.MEMBER)));
        UUID spareTenant = actors.as("platform", () -> tenants.create("Spare " + suffix(), "spare-" + suffix(), "spare-admin-" + suffix(),
                "Spare Admin", "a long spare password"));

        Map<String, Action> actions = new LinkedHashMap<>();
        actions.put("list projects", new Action(TENANT_USERS, () -> projects.list()));
        actions.put("create a project", new Action(holders(PlatformPermissions.CREATE_PROJECT), () -> projects.create("Matrix " + suffix(), key(), "by the role matrix")));
        actions.put("add a project member", new Action(holders(PlatformPermissions.MANAGE_MEMBERS), () -> projects.addMember(project.id(), memberId)));
        actions.put("remove a project member", new Action(holders(PlatformPermissions.MANAGE_MEMBERS), () -> projects.removeMember(project.id(), memberId)));
        actions.put("read the problem statement", new Action(TENANT_USERS, () -> problems.find(project.id())));
        actions.put("edit the problem statement", new Action(holders(ScopingPermissions.EDIT), () -> problems.save(project.id(),
                new ProblemStatement("Churn " + suffix(), "Customers", "Whom to call", "A spreadsheet"),
                problems.find(project.id()).map(r -> r.getVersion()).orElse(null))));
        actions.put("edit the scoping canvas", new Action(holders(ScopingPermissions.EDIT), () -> canvas.save(project.id(),
                new Canvas(Map.of(CanvasBox.VALUE_PROPOSITION, "Value " + suffix())), canvas.find(project.id()).map(c -> c.version()).orElse(null))));
        actions.put("save the metric contract", new Action(holders(ScopingPermissions.EDIT), () -> contracts.saveTargets(project.id(),
                List.of(new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, 0.5 + Math.random() / 10, null)),
                contracts.latest(project.id()))));
        actions.put("read the approved metric contract", new Action(TENANT_USERS, () -> contracts.approvedContract(project.id())));
        actions.put("read the feasibility rating", new Action(TENANT_USERS, () -> feasibility.rating(project.id())));
        actions.put("approve a scoping document", new Action(holders(ScopingPermissions.REVIEW), () -> approveOrRefuseForAnotherReason(project.id())));
        actions.put("score a candidate solution", new Action(holders(ScopingPermissions.EDIT), () -> candidates.save(project.id(), null,
                new CandidateSolution("C " + suffix(), null, 3, 4), null)));
        actions.put("see the tenant's portfolio", new Action(holders(ScopingPermissions.READ), () -> candidates.portfolio()));
        actions.put("start a scoping document", new Action(holders(ScopingPermissions.EDIT), () -> starter.start(freshProject(), "blank")));
        actions.put("answer the feasibility diligence", new Action(holders(ScopingPermissions.EDIT), () -> feasibility.save(project.id(),
                new FeasibilityAnswers(DataKind.STRUCTURED, false, null, null, null, null, Evidence.SOME, null, PriorWork.SOME, null),
                feasibility.find(project.id()).map(f -> f.version()).orElse(null))));
        actions.put("write the value and ethics review", new Action(holders(ScopingPermissions.EDIT), () -> value.save(project.id(), new ValueAssessment(
                "churn rate", "recall", "link " + suffix(), null, null, null, Risk.LOW, Risk.LOW, null),
                value.find(project.id()).map(v -> v.version()).orElse(null))));
        actions.put("reject a scoping document", new Action(holders(ScopingPermissions.REVIEW), () -> rejectOrRefuseForAnotherReason(project.id())));
        actions.put("choose a candidate solution", new Action(holders(ScopingPermissions.EDIT), () -> candidates.choose(project.id(),
                candidates.list(project.id()).getFirst().getId())));
        actions.put("export the scoping document", new Action(TENANT_USERS, () -> export.markdown(project.id())));
        actions.put("comment on the scoping document", new Action(holders(ScopingPermissions.COMMENT), () -> comments.add(project.id(), "role matrix")));
        actions.put("plan a milestone", new Action(holders(ScopingPermissions.EDIT), () -> milestones.save(project.id(), null, new Milestone("M " + suffix(),
                "acme-member", java.time.LocalDate.of(2027, 1, 4), java.time.LocalDate.of(2027, 1, 8), 2.0, Milestone.Status.PLANNED,
                null), null)));
        actions.put("sign off an ethics review", new Action(holders(ScopingPermissions.SIGN_OFF_ETHICS), () -> signOffOrRefuseForAnotherReason(project.id())));
        actions.put("list datasets", new Action(holders(DataPermissions.READ), () -> datasets.list(project.id())));
        actions.put("register a dataset", new Action(holders(DataPermissions.REGISTER), () -> datasets.register(project.id(), "ds-" + suffix(),
                "s3://bucket/" + suffix() + ".csv", "by the role matrix")));
        actions.put("edit a dataset", new Action(holders(DataPermissions.REGISTER), () -> {
            UUID dataset = actors.as("acme-admin", () -> datasets.register(project.id(), "ed-" + suffix(), "s3://b/e.csv", "")).getId();
            datasets.update(project.id(), dataset, "edited-" + suffix(), "s3://b/e2.csv", "edited by the role matrix");
        }));
        actions.put("delete a dataset", new Action(holders(DataPermissions.DELETE), () -> {
            UUID dataset = actors.as("acme-admin", () -> datasets.register(project.id(), "del-" + suffix(), "s3://b/d.csv", "")).getId();
            datasets.delete(project.id(), dataset);
        }));
        actions.put("upload a dataset version", new Action(holders(DataPermissions.UPLOAD), () -> uploadVersion(project.id())));
        actions.put("edit a dataset version's provenance", new Action(holders(DataPermissions.UPLOAD), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            datasetVersions.editProvenance(project.id(), version, new dev.cairn.plugin.data.Provenance("role matrix", "", "", ""));
        }));
        actions.put("delete a dataset version", new Action(holders(DataPermissions.DELETE_VERSION), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            datasetVersions.delete(project.id(), version, "role matrix");
        }));
        actions.put("build a transform recipe", new Action(holders(DataPermissions.EDIT_RECIPE), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            UUID dataset = actors.as("acme-admin", () -> datasetVersions.version(project.id(), version).getDatasetId());
            datasetRecipes.create(project.id(), dataset, "r-" + suffix(), version, java.util.List.of(new dev.cairn.plugin.data.recipe.StepPlan(
                    dev.cairn.api.data.transform.Operation.DROP_DUPLICATES, java.util.List.of(), java.util.Map.of())), "role matrix");
        }));
        actions.put("keep a label review as a human-level figure", new Action(holders(DataPermissions.REVIEW_LABELS), () -> {
            UUID version = actors.as("acme-admin", () -> uploadCsv(project.id(), "first,second\nyes,yes\nno,yes\n"));
            humanLevelFigures.record(project.id(), version, new dev.cairn.plugin.data.labels.LabelColumns(java.util.List.of("first", "second")));
        }));
        actions.put("rank a version's features", new Action(holders(DataPermissions.RANK_FEATURES), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            featureRankings.rank(project.id(), version, "id");
        }));
        actions.put("read a version's feature rankings", new Action(holders(DataPermissions.READ), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            featureRankings.states(project.id(), version);
        }));
        actions.put("infer a dataset schema", new Action(holders(DataPermissions.EDIT_SCHEMA), () -> {
            UUID version = actors.as("acme-admin", () -> uploadVersion(project.id()));
            awaitProfiled(project.id(), version);
            UUID dataset = actors.as("acme-admin", () -> datasetVersions.version(project.id(), version).getDatasetId());
            schemas.infer(project.id(), dataset, version);
        }));
        actions.put("edit a dataset schema", new Action(holders(DataPermissions.EDIT_SCHEMA), () -> {
            var v1 = actors.as("acme-admin", () -> inferredSchema(project.id()));
            schemas.save(project.id(), v1.dataset(), 1, v1.drafts(), 5, "role matrix");
        }));
        actions.put("approve a dataset schema version", new Action(holders(DataPermissions.APPROVE_SCHEMA), () -> {
            var v1 = actors.as("acme-member", () -> inferredSchema(project.id()));
            schemas.approve(project.id(), v1.dataset(), 1);
        }));
        actions.put("validate a dataset version", new Action(holders(DataPermissions.VALIDATE), () -> {
            var v1 = actors.as("acme-admin", () -> inferredSchema(project.id()));
            UUID version = actors.as("acme-admin", () -> datasetVersions.history(project.id(), v1.dataset()).getFirst().getId());
            versionValidations.validate(project.id(), version, 1, dev.cairn.api.data.Feature.TRAINING);
        }));
        actions.put("list baselines", new Action(holders(ModelingPermissions.READ), () -> baselines.list(project.id())));
        actions.put("record a baseline", new Action(holders(ModelingPermissions.RECORD_BASELINE), () -> baselines.record(project.id(),
                new BaselineService.BaselineInput("base-" + suffix(), "accuracy", 0.7, "majority class", null))));
        actions.put("edit a baseline", new Action(holders(ModelingPermissions.RECORD_BASELINE), () -> {
            UUID baseline = actors.as("acme-admin", () -> baselines.record(project.id(),
                    new BaselineService.BaselineInput("eb-" + suffix(), "accuracy", 0.6, "majority class", null))).getId();
            baselines.update(project.id(), baseline, new BaselineService.BaselineInput("eb-" + suffix(), "accuracy", 0.65, "corrected", null));
        }));
        actions.put("delete a baseline", new Action(holders(ModelingPermissions.DELETE_BASELINE), () -> {
            UUID baseline = actors.as("acme-admin", () -> baselines.record(project.id(),
                    new BaselineService.BaselineInput("db-" + suffix(), "accuracy", 0.6, "majority class", null))).getId();
            baselines.delete(project.id(), baseline);
        }));
        actions.put("delete a candidate solution", new Action(holders(ScopingPermissions.EDIT), () -> {
            var candidate = actors.as("acme-admin", () -> candidates.save(project.id(), null, new CandidateSolution("D " + suffix(), null, 2, 2), null));
            candidates.delete(project.id(), candidate.getId(), candidate.getVersion());
        }));
        actions.put("list deployment targets", new Action(holders(DeploymentPermissions.READ), () -> targets.list(project.id())));
        actions.put("define a deployment target", new Action(holders(DeploymentPermissions.DEFINE_TARGET), () -> targets.define(project.id(), "t-" + suffix(),
                TargetService.Environment.STAGING, TargetService.ServingMode.BATCH, "by the role matrix")));
        actions.put("edit a deployment target", new Action(holders(DeploymentPermissions.DEFINE_TARGET), () -> {
            UUID target = actors.as("acme-admin", () -> targets.define(project.id(), "te-" + suffix(), TargetService.Environment.STAGING,
                    TargetService.ServingMode.BATCH, "")).getId();
            targets.update(project.id(), target, "edited-" + suffix(), TargetService.Environment.PRODUCTION, TargetService.ServingMode.ONLINE,
                    "edited by the role matrix");
        }));
        actions.put("delete a deployment target", new Action(holders(DeploymentPermissions.DEFINE_TARGET), () -> {
            UUID target = actors.as("acme-admin", () -> targets.define(project.id(), "td-" + suffix(), TargetService.Environment.STAGING,
                    TargetService.ServingMode.BATCH, "")).getId();
            targets.delete(project.id(), target);
        }));
        actions.put("read example notes", new Action(holders(com.example.cairn.notes.NotesPermissions.READ),
                () -> exampleNotes.notes(project.id())));
        actions.put("write an example note", new Action(holders(com.example.cairn.notes.NotesPermissions.WRITE),
                () -> exampleNotes.write(project.id(), "by the role matrix")));
        actions.put("list jobs", new Action(TENANT_USERS, () -> jobs.recent()));
        actions.put("start a job", new Action(holders(PlatformPermissions.START_JOBS), () -> jobs.submit("cairn.tracking-sync", "Sync", project.id(), null)));
        actions.put("cancel another user's job", new Action(MANAGERS, () -> jobs.cancel(someoneElsesJob)));
        actions.put("list users", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> users.list()));
        actions.put("create a user", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> users.create("u-" + suffix(), "New User",
                "a long new password", Set.of(Role.VIEWER))));
        actions.put("change a user's roles", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> users.setRoles(spareUser, Set.of(Role.VIEWER))));
        actions.put("edit a user", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> users.edit(spareUser, "Spare " + suffix(),
                Set.of(Role.VIEWER))));
        actions.put("disable a user", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> users.setEnabled(spareUser, false)));
        actions.put("delete a user", new Action(holders(PlatformPermissions.MANAGE_USERS), () -> {
            UUID leaver = actors.as("acme-admin", () -> users.create("leaver-" + suffix(), "Leaver", "a long leaver password",
                    Set.of(Role.VIEWER)));
            users.delete(leaver);
        }));
        actions.put("set the tenant's upload limit", new Action(EnumSet.of(Who.TENANT_ADMIN), () -> fileLimits.setTenantLimit(null)));
        actions.put("delete a stored file", new Action(EnumSet.of(Who.TENANT_ADMIN), () -> files.delete(freshFile(), "role matrix")));
        actions.put("list the tenant's stored files", new Action(EnumSet.of(Who.TENANT_ADMIN), () -> storedFiles.tenantFiles()));
        actions.put("list tenants", new Action(EnumSet.of(Who.PLATFORM_ADMIN), () -> tenants.list()));
        actions.put("create a tenant", new Action(EnumSet.of(Who.PLATFORM_ADMIN), () -> tenants.create("T " + suffix(),
                "t-" + suffix(), "t-admin-" + suffix(), "T Admin", "a long first password")));
        actions.put("disable a tenant", new Action(EnumSet.of(Who.PLATFORM_ADMIN), () -> tenants.setEnabled(spareTenant, false)));
        actions.put("read the audit log", new Action(platformAdminAnd(holders(PlatformPermissions.READ_AUDIT_LOG)),
                () -> auditLog.page(dev.cairn.app.audit.AuditFilter.everything(), 0, 10)));
        actions.put("export the audit log", new Action(platformAdminAnd(holders(PlatformPermissions.READ_AUDIT_LOG)),
                () -> auditLog.exportCsv(dev.cairn.app.audit.AuditFilter.everything(), java.io.OutputStream.nullOutputStream())));

        List<String> wrong = new ArrayList<>();
        actions.forEach((name, action) -> {
            for (Who who : Who.values()) {
                boolean allowed = attempt(actors, who, action.work());
                if (allowed != action.allowed().contains(who)) {
                    wrong.add(who + (allowed ? " was allowed to " : " was refused to ") + name);
                }
            }
        });
        assertThat(wrong).as("differences from the role matrix").isEmpty();
    }

    /**
     * The demo document is incomplete or already reviewed for most callers, so approval may fail for
     * that reason: only a refusal of the role counts as "refused" here.
     */
    private void approveOrRefuseForAnotherReason(UUID projectId) {
        try {
            reviews.approve(projectId, revisionOf(projectId), "role matrix");
        } catch (NoTenantInScopeException refused) {
            throw refused;
        } catch (IllegalStateException | SeparationOfDutiesException notThisRevisionOrNotTheAuthor) {
            // the role may approve; this user may not approve this revision (already reviewed, or they wrote it)
        }
    }

    private void rejectOrRefuseForAnotherReason(UUID projectId) {
        try {
            reviews.reject(projectId, revisionOf(projectId), "role matrix");
        } catch (NoTenantInScopeException refused) {
            throw refused;
        } catch (IllegalStateException | SeparationOfDutiesException notThisRevisionOrNotTheAuthor) {
            // the role may reject; this user may not decide on this revision
        }
    }

    /** Read directly, so that reading it never stands in for the role check under test. */
    private int revisionOf(UUID projectId) {
        return dsl.select(dev.cairn.plugin.scoping.db.Tables.SCOPING_DOCUMENT.REVISION).from(dev.cairn.plugin.scoping.db.Tables.SCOPING_DOCUMENT)
                .where(dev.cairn.plugin.scoping.db.Tables.SCOPING_DOCUMENT.PROJECT_ID.eq(projectId)).fetchOptional(0, Integer.class).orElse(0);
    }

    private void signOffOrRefuseForAnotherReason(UUID projectId) {
        try {
            value.signOffEthics(projectId, "role matrix", value.find(projectId).orElseThrow().version());
        } catch (NoTenantInScopeException refused) {
            throw refused;
        } catch (SeparationOfDutiesException | dev.cairn.plugin.scoping.document.ConcurrentEditException notTheirsToSign) {
            // the role may sign off; this user wrote the risks
        }
    }

    /** A new file of Acme's, stored by a member whoever is acting. */
    private UUID freshFile() {
        byte[] content = ("role matrix " + suffix() + " " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Actors(dsl).as("acme-member", () -> files.store(dev.cairn.api.files.NewFile.named("matrix.txt"),
                new java.io.ByteArrayInputStream(content)).file().id());
    }

    /** A new project of Acme's, created by its project manager whoever is acting. */
    private UUID freshProject() {
        return new Actors(dsl).as("acme-pm", () -> projects.create("Fresh " + suffix(), key(), null)).id();
    }

    /** True when the service did the work, false when it refused; anything else fails the test. */
    private static boolean attempt(Actors actors, Who who, Runnable work) {
        try {
            actors.run(who.username, work);
            return true;
        } catch (AccessDeniedException | NoTenantInScopeException refused) {
            return false;
        } catch (RuntimeException unexpected) {
            return fail(who + " got " + unexpected + " instead of success or a refusal", unexpected);
        }
    }

    /** A button with this label that the user can see: it and every container around it are visible. */
    private boolean visibleButton(Component root, String label) {
        return $(Button.class).all().stream().anyMatch(button -> label.equals(button.getText()) && shown(button, root));
    }

    private static boolean shown(Component component, Component root) {
        for (Component c = component; c != null && c != root; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A new dataset with one version of fresh bytes, uploaded by whoever is signed in: the version's id. */
    @Autowired
    dev.cairn.plugin.data.schema.DatasetSchemas schemas;

    record InferredSchema(UUID dataset, List<dev.cairn.plugin.data.schema.FeatureDraft> drafts) {
    }

    /** A new dataset with one version and its inferred schema version 1, by the user in scope (who needs data.edit-schema). */
    private InferredSchema inferredSchema(UUID projectId) {
        UUID version = new Actors(dsl).as("acme-admin", () -> uploadVersion(projectId));
        awaitProfiled(projectId, version);
        UUID dataset = datasetVersions.version(projectId, version).getDatasetId();
        var v1 = schemas.infer(projectId, dataset, version);
        return new InferredSchema(dataset, v1.schema().features().stream().map(dev.cairn.plugin.data.schema.FeatureDraft::of).toList());
    }

    private UUID uploadVersion(UUID projectId) {
        return uploadCsv(projectId, "id\n" + suffix() + "\n");
    }

    private UUID uploadCsv(UUID projectId, String content) {
        UUID dataset = new Actors(dsl).as("acme-admin", () -> datasets.register(projectId, "dv-" + suffix(), null, "")).getId();
        byte[] csv = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return datasetVersions.upload(projectId, dataset, dev.cairn.api.files.NewFile.named("v.csv"), new java.io.ByteArrayInputStream(csv),
                dev.cairn.plugin.data.ingest.FormatOverrides.NONE, dev.cairn.plugin.data.Provenance.NONE).version().getId();
    }

    /** Waits for the upload's profiling job: a schema is inferred from the statistics it stores. */
    private void awaitProfiled(UUID projectId, UUID versionId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var state = new Actors(dsl).as("acme-admin", () -> storedProfiles.state(projectId, versionId));
            if (state.isPresent() && !state.get().status().pending()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("version " + versionId + " was not profiled in time");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String key() {
        return "M" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    record Action(Set<Who> allowed, Runnable work) {
    }

    /** The platform admin reads every tenant's audit log as a platform task, beside the permission's holders. */
    private static Set<Who> platformAdminAnd(Set<Who> holders) {
        Set<Who> allowed = EnumSet.of(Who.PLATFORM_ADMIN);
        allowed.addAll(holders);
        return allowed;
    }

    /** Who holds a plugin's permission, by the one role policy: the matrix's expectation for plugin actions. */
    private Set<Who> holders(PermissionDefinition permission) {
        covered.add(permission);
        Set<Who> holders = EnumSet.noneOf(Who.class);
        for (Who who : Who.values()) {
            if (policy.rolesHolding(permission).contains(Role.valueOf(who.name()))) {
                holders.add(who);
            }
        }
        return holders;
    }

    @Test
    void everyPermissionAPluginDeclaresIsCoveredByTheMatrix() {
        everyRoleAgainstEveryServiceAction();
        assertThat(covered).as("permissions checked by a row of the matrix").containsAll(plugins.permissions())
                .containsAll(PlatformPermissions.ALL);
    }
}
