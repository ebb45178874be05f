package dev.cairn.app.ui;

import dev.cairn.app.testing.AppTest;
import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.TenantAdminService;
import dev.cairn.app.admin.UserAdminService;
import dev.cairn.app.lineage.LineageGraph;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.deployment.TargetService;
import dev.cairn.plugin.modeling.BaselineService;
import dev.cairn.plugin.scoping.ProblemStatement;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.milestone.Milestone;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.portfolio.CandidateSolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SECURITY.md item 14: markup saved in every editable field is shown as text on every page that
 * shows it; nothing sets innerHTML. (The browser half, that no script runs in Chromium, is in
 * MainPathIT.) Grids render their cells as text on the client; MainPathIT checks one in Chromium.
 */
@AppTest
class StoredXssTest extends SpringBrowserlessTest {

    static final String XSS = "<img src=x onerror=alert(1)>";

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    ProblemStatementService problems;
    @Autowired
    DatasetService datasets;
    @Autowired
    BaselineService baselines;
    @Autowired
    TargetService targets;
    @Autowired
    UserAdminService users;
    @Autowired
    CandidateService candidates;
    @Autowired
    MilestoneService milestones;
    @Autowired
    CommentService comments;
    @Autowired
    TenantAdminService tenants;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void markupInEveryEditableFieldIsShownAsText() {
        var actors = new Actors(dsl);
        ProjectRef project = actors.as("acme-pm", () -> projects.create(XSS, "XSS", XSS));
        actors.run("acme-pm", () -> {
            problems.save(project.id(), new ProblemStatement(XSS, XSS, XSS, XSS), null);
            // A source URI with markup is refused as an invalid URI, so the URI field carries none.
            datasets.register(project.id(), XSS, "s3://bucket/churn.csv", XSS);
            baselines.record(project.id(), new BaselineService.BaselineInput(XSS, "accuracy", 0.5, XSS, null));
            targets.define(project.id(), XSS, TargetService.Environment.STAGING, TargetService.ServingMode.ONLINE, XSS);
            candidates.save(project.id(), null, new CandidateSolution(XSS, XSS, 3, 3), null);
            milestones.save(project.id(), null, new Milestone(XSS, "acme-pm", java.time.LocalDate.of(2027, 1, 4),
                    java.time.LocalDate.of(2027, 1, 8), 1.0, Milestone.Status.PLANNED, XSS), null);
            comments.add(project.id(), XSS);
        });
        actors.run("acme-admin", () -> users.create("xss-user", XSS, "a long enough password", Set.of(Role.MEMBER)));
        actors.run("platform", () -> tenants.create(XSS, "xss-tenant", "xss-admin", XSS, "a long enough password"));

        String id = project.id().toString();
        List<String> shownAsText = new ArrayList<>();
        actors.signIn("acme-pm");
        // Every page a project manager may open, from the router: a new plugin's pages are covered too.
        List<String> pages = com.vaadin.flow.router.RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(route -> route.getTemplate().replace(":___url_parameter", id))
                .filter(route -> !route.equals("login") && !route.startsWith("admin/")).toList();
        assertThat(pages).contains("", "project/" + id, "scoping/document/" + id, "data/datasets/" + id, "lineage/" + id, "jobs");
        for (String route : pages) {
            UI.getCurrent().navigate(route);
            assertNoInnerHtml(route);
            boolean shown = page().getTextRecursively().contains(XSS);
            // Tab sheets build a tab's content when it is first opened: open each one.
            for (TabSheet tabs : $(TabSheet.class).all()) {
                for (int i = 0; i < tabs.getTabCount(); i++) {
                    tabs.setSelectedIndex(i);
                    assertNoInnerHtml(route + " tab " + tabs.getTabAt(i).getLabel());
                    shown |= page().getTextRecursively().contains(XSS);
                }
            }
            if (shown) {
                shownAsText.add(route);
            }
        }
        assertThat(shownAsText).as("pages showing the project's own fields as text").contains("project/" + id, "lineage/" + id,
                "scoping/document/" + id);

        // The lineage details panel shows a node's name and properties as text.
        UI.getCurrent().navigate("lineage/" + id);
        LineageGraph graph = $(LineageGraph.class).single();
        String dataset = dsl.select(LINEAGE_ARTIFACT.ID).from(LINEAGE_ARTIFACT).where(LINEAGE_ARTIFACT.NAME.eq(XSS)
                .and(LINEAGE_ARTIFACT.TYPE.eq("data.dataset"))).fetchSingle(LINEAGE_ARTIFACT.ID).toString();
        ComponentUtil.fireEvent(graph, new LineageGraph.NodeSelectedEvent(graph, true, dataset));
        assertNoInnerHtml("lineage details");
        assertThat($(H3.class).all()).as("the details panel's heading").anyMatch(heading -> heading.getText().equals(XSS));
        assertThat(page().getTextRecursively()).contains("URI: s3://bucket/churn.csv");

        actors.signIn("acme-admin");
        UI.getCurrent().navigate("admin/users");
        assertNoInnerHtml("admin/users");
        actors.signIn("platform");
        UI.getCurrent().navigate("admin/tenants");
        assertNoInnerHtml("admin/tenants");
    }

    /** No source file builds HTML from strings: no Html component, no innerHTML, no unsafe Lit directive. */
    @Test
    void noSourceFileWritesHtmlFromStrings() throws Exception {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        List<Path> sources;
        List<Path> folders = Stream.of("src/api/src/main", "src/platform/src/main", "src/test-kit/src/main", "plugins", "frontend")
                .map(root::resolve).toList();
        // A folder that moved must fail the test, not be skipped: it would scan nothing silently.
        assertThat(folders).as("source folders").allMatch(Files::isDirectory);
        try (Stream<Path> files = folders.stream().flatMap(StoredXssTest::walk)) {
            sources = files.filter(p -> p.toString().matches(".*\\.(java|ts|js)$"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")
                            && !p.toString().contains("/generated/")).toList();
        }
        assertThat(sources).as("sources scanned").hasSizeGreaterThan(40);
        List<String> offenders = new ArrayList<>();
        for (Path source : sources) {
            String text = Files.readString(source);
            for (String pattern : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "unsafeHTML", "new Html(", ".Html;")) {
                if (text.contains(pattern)) {
                    offenders.add(root.relativize(source) + " uses " + pattern);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page as rendered: the current view inside its layouts (the UI keeps them apart from its own element). */
    private Element page() {
        Component top = (Component) getCurrentView();
        while (top.getParent().isPresent() && !(top.getParent().get() instanceof UI)) {
            top = top.getParent().get();
        }
        return top.getElement();
    }

    private void assertNoInnerHtml(String where) {
        List<String> found = new ArrayList<>();
        int visited = collectInnerHtml(page(), found);
        assertThat(visited).as("elements checked on " + where).isGreaterThan(5);
        assertThat(found).as("elements with innerHTML on " + where).isEmpty();
    }

    private static int collectInnerHtml(Element element, List<String> found) {
        if (element.hasProperty("innerHTML")) {
            found.add(element.getTag());
        }
        return 1 + element.getChildren().mapToInt(child -> collectInnerHtml(child, found)).sum();
    }
}
