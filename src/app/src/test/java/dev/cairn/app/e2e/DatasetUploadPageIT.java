package dev.cairn.app.e2e;

import dev.cairn.app.testing.AppWebTest;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dataset version uploaded in Chromium against the real server: a real CSV streamed with the
 * upload's progress bar, checked on submit and shown in the version history; a ragged file refused
 * on the file field with its offending lines and nothing stored. Screenshots for docs/user-guide.md.
 */
@AppWebTest
class DatasetUploadPageIT extends BrowserTest {

    private static final Path SCREENSHOTS = Screenshots.folder();

    @Autowired
    DemoWorld world;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @TempDir
    Path folder;

    @BeforeEach
    void seed() {
        world.create();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private void pick(Page page, Path file) {
        page.waitForFileChooser(() -> page.locator("vaadin-upload vaadin-button, vaadin-upload-button").first().click()).setFiles(file);
    }

    @Test
    void aMemberUploadsAVersionAndARaggedFileIsRefusedOnTheField() throws Exception {
        ProjectRef project = world.actors().as("acme-pm", () -> projects.create("Churn data", "CHD" + (int) (Math.random() * 1000), null));
        UUID dataset = world.actors().as("acme-pm", () -> datasets.register(project.id(), "subscribers", null,
                "Monthly snapshot of active subscribers")).getId();
        StringBuilder rows = new StringBuilder("customer_id,plan,monthly_fee,tenure_months,churned\n");
        for (int i = 1; i <= 20_000; i++) {
            rows.append(i).append(',').append(i % 3 == 0 ? "pro" : "basic").append(',').append(i % 3 == 0 ? "19.90" : "9.90").append(',')
                    .append(i % 48).append(',').append(i % 7 == 0 ? "yes" : "no").append('\n');
        }
        Path csv = Files.writeString(folder.resolve("subscribers-2026-11.csv"), rows);
        Page page = signIn("acme-member");
        // From the list, as a user goes: the dataset's name links to its page.
        page.navigate(url("data/datasets/" + project.id()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("subscribers")).click();
        page.waitForURL(u -> u.contains("data/dataset/" + project.id() + "?dataset=" + dataset));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("subscribers"))).isVisible();
        assertThat(page.getByText("No versions yet. Upload the first one with the form above.")).isVisible();

        pick(page, csv);
        assertThat(page.locator("vaadin-upload-file").first()).isVisible();
        assertThat(page.getByText(Pattern.compile("\"subscribers-2026-11.csv\" \\(.*\\) is ready"))).isVisible();
        page.getByLabel("Source", new Page.GetByLabelOptions().setExact(true)).fill("CRM export, nightly job");
        page.getByLabel("Collection method").fill("all active subscribers, full snapshot");
        page.getByLabel("Licence or consent").fill("internal use; customers consented under terms v3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload version")).click();

        assertThat(page.locator(".upload-outcome")).hasText("Stored as version 1 of subscribers: 20000 rows, 5 columns.");
        assertThat(page.locator("vaadin-grid-cell-content").getByText("v1", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Screenshots.take(page, SCREENSHOTS, "dataset-upload");

        assertThat(page.locator("vaadin-notification-card")).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(10_000)); // the green confirmation has closed by itself
        Path ragged = Files.writeString(folder.resolve("subscribers-broken.csv"),
                "customer_id,plan,monthly_fee\n1,basic,9.90\n2,pro\n3,basic,9.90,extra\n");
        pick(page, ragged);
        assertThat(page.getByText(Pattern.compile("\"subscribers-broken.csv\" \\(.*\\) is ready"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload version")).click();

        assertThat(page.locator("[slot=error-message]").getByText(Pattern.compile("^File: Line 3, column 3: the row has 2 fields"))).isVisible();
        assertThat(page.locator(".offending-lines")).containsText("line 3: 2,pro");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0); // no pop-up: the refusal is on the field
        Screenshots.take(page, SCREENSHOTS, "dataset-upload-refused");
        org.assertj.core.api.Assertions.assertThat(world.actors().as("acme-member", () -> versions.history(project.id(), dataset)))
                .as("only the good version").hasSize(1);
    }
}
