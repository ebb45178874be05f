package dev.cairn.app.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.cairn.app.tracking.mlflow.MlflowServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The foundation's main path in a real browser: Acme's project manager creates a project, sees it
 * in the lineage graph and its experiment through MLflow's REST API; Globex's member cannot open
 * Acme's project. Screenshots go to docs/images for the user guide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1", "cairn.mlflow.send-interval=500ms", "server.address=127.0.0.1",
        // Its screenshots illustrate the user guide: without the third-party test plugin.
        "cairn.test.example-plugin=false"})
@ActiveProfiles("demo")
class MainPathIT extends BrowserTest {

    private static final MlflowServer MLFLOW = MlflowServer.start(Path.of("target", "it-mlflow", "e2e-" + UUID.randomUUID()));
    private static final Path SCREENSHOTS = Screenshots.folder();
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @DynamicPropertySource
    static void mlflow(DynamicPropertyRegistry registry) {
        registry.add("cairn.mlflow.tracking-uri", MLFLOW::uri);
    }

    @AfterAll
    static void stopMlflow() {
        MLFLOW.stop();
    }

    @Test
    void aProjectManagerCreatesAProjectThatAppearsInLineageAndMlflowAndStaysInsideTheTenant() throws Exception {
        Page pm = signIn("acme-pm");
        assertThat(pm.getByText("Customer churn")).isVisible();
        Screenshots.take(pm, SCREENSHOTS, "projects");

        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New project")).click();
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true)).fill("Fraud alerts");
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Key").setExact(true)).fill("FRAUD");
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Description").setExact(true)).fill("Flag card payments that are likely fraudulent before settlement.");
        Screenshots.take(pm, SCREENSHOTS, "new-project");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        pm.waitForURL(u -> u.contains("/project/"));
        String projectId = pm.url().substring(pm.url().lastIndexOf('/') + 1);
        assertThat(UUID.fromString(projectId)).isNotNull();
        assertThat(pm.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("FRAUD · Fraud alerts"))).isVisible();
        assertThat(pm.locator("h3").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Scoping"))).isVisible();
        assertThat(pm.locator("h3").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Deployment"))).isVisible();

        // Tracking: the experiment reaches MLflow, named and tagged with the tenant.
        String experiment = awaitExperimentWithProject(projectId);
        assertThat(experiment).contains("\"cairn.project\"").contains(projectId).contains("/FRAUD");
        pm.reload();
        assertThat(pm.locator("#tracking-state")).hasText("Tracking: In sync");
        assertThat(pm.locator("#mlflow-link")).isVisible();
        Screenshots.take(pm, SCREENSHOTS, "project-overview");

        // Lineage: the new project's context is in the graph.
        pm.navigate(url("/lineage/" + projectId));
        pm.locator("lineage-graph").waitFor();
        pm.waitForFunction("() => { const g = document.querySelector('lineage-graph'); "
                + "return g && g.graph && g.graph.nodes && g.graph.nodes.some(n => n.label && n.label.includes('Fraud alerts')); }");
        Screenshots.take(pm, SCREENSHOTS, "lineage-new-project");

        // Every stage page opens by its own URL (a reload or a bookmark), not only from the menu.
        Map<String, String> stagePages = Map.of("/scoping/document/", "Scoping", "/data/datasets/", "Datasets",
                "/modeling/baselines/", "Baselines", "/deployment/targets/", "Deployment targets");
        stagePages.forEach((route, title) -> {
            pm.navigate(url(route + projectId));
            assertThat(pm.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("FRAUD · " + title))).isVisible();
        });

        // Stored XSS (SECURITY.md item 14): markup typed into a field shows as text and never runs,
        // in the stage page and in the lineage graph.
        List<String> dialogs = new ArrayList<>();
        pm.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        pm.navigate(url("/data/datasets/" + projectId));
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Dataset name").setExact(true)).fill(XSS);
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Source URI").setExact(true)).fill("s3://fraud/cards-2026-11.parquet");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register dataset")).click();
        assertThat(pm.getByText(XSS, new Page.GetByTextOptions().setExact(true))).isVisible();
        pm.navigate(url("/lineage/" + projectId));
        pm.waitForFunction("() => { const g = document.querySelector('lineage-graph'); "
                + "return g && g.graph && g.graph.nodes.some(n => n.label === '" + XSS + "'); }");
        pm.waitForTimeout(500);
        assertThat(pm.locator("img[src=x]")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(dialogs).as("script dialogs opened by stored markup").isEmpty();

        // The demo project has a dataset, a baseline and their executions: a non-trivial graph.
        pm.navigate(url("/"));
        pm.getByText("Customer churn").click();
        pm.waitForURL(u -> u.contains("/project/"));
        String churnId = pm.url().substring(pm.url().lastIndexOf('/') + 1);
        pm.navigate(url("/lineage/" + churnId));
        pm.waitForFunction("() => { const g = document.querySelector('lineage-graph'); return g && g.graph && g.graph.nodes.length >= 5; }");
        pm.waitForTimeout(800);
        Screenshots.take(pm, SCREENSHOTS, "lineage-demo-project");

        // Globex's member cannot open Acme's project, by any route that takes its id.
        Page globex = signIn("globex-member");
        for (String route : new String[] {"/project/", "/lineage/", "/data/datasets/", "/modeling/baselines/",
                "/scoping/document/", "/deployment/targets/"}) {
            globex.navigate(url(route + projectId));
            assertThat(globex.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
            org.assertj.core.api.Assertions.assertThat(globex.content()).as(route).doesNotContain("Fraud alerts").doesNotContain("FRAUD");
        }
        Screenshots.take(globex, SCREENSHOTS, "other-tenant-not-found");
        // A mistyped URL gets the same page, not an empty error.
        globex.navigate(url("/no/such/page"));
        assertThat(globex.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
    }

    @Test
    void aProjectManagerScopesAProjectFromATemplateAndAnotherManagerApprovesIt() throws Exception {
        Page pm = signIn("acme-pm");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New project")).click();
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true)).fill("Line 3 defects");
        pm.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Key").setExact(true)).fill("LINE3");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        pm.waitForURL(u -> u.contains("/project/"));
        String projectId = pm.url().substring(pm.url().lastIndexOf('/') + 1);

        // Start from the visual defect detection template.
        pm.navigate(url("/scoping/document/" + projectId));
        pm.getByText("Visual defect detection", new Page.GetByTextOptions().setExact(false)).first().click();
        Screenshots.take(pm, SCREENSHOTS, "scoping-template");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start scoping")).click();
        assertThat(pm.locator("#scoping-state")).containsText("not reviewed yet");

        // The problem, in the business's words.
        field(pm, "Business problem").fill("Scratched housings reach customers: 1.2% of returns, 90 EUR each.");
        field(pm, "Who is affected").fill("Customers, and the two inspectors of line 3.");
        field(pm, "Decision supported").fill("Which housings are taken off the line for inspection.");
        field(pm, "How it is done today").fill("Inspectors look at one housing in ten.");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save problem")).click();
        assertThat(pm.getByText("Problem saved")).isVisible();

        // The canvas: the template's draft, rewritten for this line where it matters.
        pm.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Canvas")).click();
        field(pm, "Value proposition (required)").fill("Line 3 inspectors look only at the housings the system flags.");
        field(pm, "Prediction task (required)").fill("For each housing photographed on line 3: scratched or not.");
        field(pm, "Decisions (required)").fill("Flagged housings go to the inspection table; the rest are packed.");
        field(pm, "Making predictions (required)").fill("On the line's edge computer, within the 2-second cycle.");
        field(pm, "Data sources (required)").fill("Line 3 camera, inspection log, batch numbers.");
        field(pm, "Live monitoring (required)").fill("Flag rate per shift, confirmed defects, returns per month.");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save canvas")).click();
        assertThat(pm.getByText("Canvas saved")).isVisible();

        // Feasibility: people spot defects on the same images, measured on 400 of them.
        pm.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Feasibility")).click();
        pm.getByText("A person can do this task from the same input").click();
        field(pm, "How the human-level performance was measured").fill("Two inspectors labelled the same 400 images.");
        field(pm, "Examples it was measured on").fill("400");
        field(pm, "HLP metric").fill("recall");
        field(pm, "HLP value").fill("0.96");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and rate")).click();
        assertThat(pm.locator("#feasibility-rating")).hasText("Feasibility: MEDIUM");
        Screenshots.take(pm, SCREENSHOTS, "scoping-feasibility");

        // Value and ethics.
        pm.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Value and ethics")).click();
        field(pm, "Business metric").fill("returns caused by defects");
        field(pm, "ML metric").fill("recall of defective housings");
        field(pm, "How the ML metric moves the business metric").fill("Every defect found is a return avoided (90 EUR).");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value and ethics")).click();
        assertThat(pm.getByText("Value and ethics saved")).isVisible();

        // The template proposed the metric contract; the review has nothing missing.
        pm.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Metric contract")).click();
        assertThat(pm.locator("#contract-status")).containsText("Metric contract v1");
        Screenshots.take(pm, SCREENSHOTS, "scoping-contract");
        pm.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Review")).click();
        assertThat(pm.getByText("Every required part is written")).isVisible();
        assertThat(pm.locator("#scoping-state")).containsText("complete");

        // Another manager approves, with a reason.
        Page admin = signIn("acme-admin");
        admin.navigate(url("/scoping/document/" + projectId));
        admin.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Review")).click();
        admin.getByLabel("Reason for the decision", new Page.GetByLabelOptions().setExact(false)).fill("Targets agreed with quality assurance.");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(admin.locator("#scoping-state")).containsText("approved");
        assertThat(admin.getByText("was approved by acme-admin")).isVisible();
        assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))).hasCount(0);
        assertThat(admin.getByText("Targets agreed with quality assurance.")).isVisible();
        Screenshots.take(admin, SCREENSHOTS, "scoping-approved");
        admin.navigate(url("/project/" + projectId));
        assertThat(admin.getByText("✔ Scoping approved")).isVisible();

        // The approved document downloads as Markdown.
        admin.navigate(url("/scoping/document/" + projectId));
        com.microsoft.playwright.Download download = admin.waitForDownload(() -> admin.locator("#export-markdown").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("scoping-line3-r\\d+\\.md");
        String markdown = java.nio.file.Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(markdown).startsWith("# Scoping: Line 3 defects")
                .contains("Feasibility", "Targets agreed with quality assurance.");

        // The portfolio plots the tenant's candidate solutions (the demo project has two).
        admin.navigate(url("/scoping/portfolio"));
        admin.waitForFunction("() => { const c = document.querySelector('portfolio-chart'); "
                + "return c && c.points && c.points.length >= 2 && c.shadowRoot.querySelector('canvas').width > 0; }");
        admin.waitForTimeout(300);
        Screenshots.take(admin, SCREENSHOTS, "scoping-portfolio");
    }

    private static com.microsoft.playwright.Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private String awaitExperimentWithProject(String projectId) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String filter = URLEncoder.encode("tags.`cairn.project` = '" + projectId + "'", StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(MLFLOW.uri()
                    + "/api/2.0/mlflow/experiments/search?max_results=10&filter=" + filter)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(projectId)) {
                return response.body();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("experiment of project " + projectId + " never reached MLflow");
    }
}
