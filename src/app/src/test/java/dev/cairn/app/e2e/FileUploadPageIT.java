package dev.cairn.app.e2e;

import dev.cairn.app.testing.AppWebTest;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.StoredFile;
import dev.cairn.app.files.FileLimits;
import dev.cairn.app.files.FileUploadTestView;
import dev.cairn.app.files.FilesProperties;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The reusable upload field in Chromium against the real server: the limit shown before picking,
 * a real file streamed into the store (with the upload's progress bar), the browser's own refusal of
 * a file over the limit, the server's refusal when the browser's check is taken away, and an
 * upload cancelled mid-way that leaves nothing behind.
 */
@AppWebTest
class FileUploadPageIT extends BrowserTest {

    private static final Path SCREENSHOTS = Screenshots.folder();

    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;
    @Autowired
    FileStore files;
    @Autowired
    FileLimits limits;
    @Autowired
    FilesProperties filesProperties;
    @TempDir
    Path folder;

    /** The test view has no @Route (the route inventory must not see it): registered for this test's server only. */
    @TestConfiguration
    static class TestRoute {
        @Bean
        VaadinServiceInitListener fileUploadTestRoute() {
            return init -> RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(init.getSource().getContext()))
                    .setRoute(FileUploadTestView.PATH, FileUploadTestView.class);
        }
    }

    @BeforeEach
    void seed() {
        world.create();
    }

    @AfterEach
    void restoreTheLimit() {
        world.actors().run("acme-admin", () -> limits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT));
        Actors.signOut();
    }

    @Test
    void aMemberUploadsARealFileThatIsStreamedIntoTheTenantsStore() throws Exception {
        // 3 MB: many buffers of the store's copy loop, sent as the raw request body.
        Path csv = Files.writeString(folder.resolve("train.csv"), "region,churned\n" + "north,1\n".repeat(400_000) + UUID.randomUUID());
        Page page = signIn("acme-member");
        page.navigate(url(FileUploadTestView.PATH));
        assertThat(page.getByText("One file, at most 50 MB.")).isVisible();

        FileChooser chooser = page.waitForFileChooser(() -> page.locator("vaadin-upload vaadin-button, vaadin-upload-button").first().click());
        chooser.setFiles(csv);
        assertThat(page.locator("vaadin-upload-file").first()).isVisible();
        assertThat(page.locator("vaadin-upload-file vaadin-progress-bar").first()).isAttached();
        assertThat(page.getByText(Pattern.compile("Stored \"train.csv\""))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".saved")).containsText("Saved train.csv sha256=");
        Screenshots.take(page, SCREENSHOTS, "file-upload");

        String shown = page.locator(".saved").textContent();
        String sha256 = shown.substring(shown.indexOf("sha256=") + "sha256=".length()).strip();
        UUID acme = world.tenantId("acme");
        UUID id = TenantScope.callAsPlatform(() -> dsl.select(dev.cairn.app.db.Tables.STORED_FILE.ID).from(dev.cairn.app.db.Tables.STORED_FILE)
                .where(dev.cairn.app.db.Tables.STORED_FILE.TENANT_ID.eq(acme), dev.cairn.app.db.Tables.STORED_FILE.SHA256.eq(sha256))
                .fetchSingle(dev.cairn.app.db.Tables.STORED_FILE.ID));
        StoredFile stored = world.actors().as("acme-member", () -> files.metadata(id));
        org.assertj.core.api.Assertions.assertThat(stored.sizeBytes()).isEqualTo(Files.size(csv));
        byte[] content = world.actors().as("acme-member", () -> {
            try (var in = files.open(id)) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.assertj.core.api.Assertions.assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(Files.readString(csv));
    }

    @Test
    void aFileOverTheLimitIsRefusedByTheBrowserAndAgainByTheServerWhenTheBrowserDoesNotCheck() throws Exception {
        world.actors().run("acme-admin", () -> limits.setTenantLimit(1024L));
        Path big = Files.write(folder.resolve("big.bin"), new byte[8 * 1024]);
        Page page = signIn("acme-member");
        page.navigate(url(FileUploadTestView.PATH));
        assertThat(page.getByText("One file, at most 1 KB.")).isVisible();

        page.waitForFileChooser(() -> page.locator("vaadin-upload vaadin-button, vaadin-upload-button").first().click()).setFiles(big);
        assertThat(page.getByText("\"big.bin\": Larger than the upload limit of 1 KB.")).isVisible();

        // A client that skips the browser's check (a modified page, a script) meets the server's.
        page.evaluate("document.querySelector('vaadin-upload').maxFileSize = Infinity");
        page.waitForFileChooser(() -> page.locator("vaadin-upload vaadin-button, vaadin-upload-button").first().click()).setFiles(big);
        // On the field: the screen reader's live region repeats the message, so the page holds it twice.
        assertThat(page.locator("[slot=error-message]").getByText("\"big.bin\" is larger than the upload limit of 1 KB.")).isVisible();
        Screenshots.take(page, SCREENSHOTS, "file-upload-refused");
        UUID acme = world.tenantId("acme");
        org.assertj.core.api.Assertions.assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.STORED_FILE,
                dev.cairn.app.db.Tables.STORED_FILE.TENANT_ID.eq(acme).and(dev.cairn.app.db.Tables.STORED_FILE.NAME.eq("big.bin")))))
                .as("nothing stored").isZero();
    }

    @Test
    void anUploadCancelledMidWayLeavesNoStagedFileAndNoRow() throws Exception {
        // 30 MB at 512 KB/s takes a minute: long enough to cancel it while the server is reading it.
        Path big = Files.write(folder.resolve("cancelled.bin"), new byte[30 * 1024 * 1024]);
        UUID acme = world.tenantId("acme");
        Path staging = filesProperties.root().resolve(acme.toString()).resolve("staging");
        Page page = signIn("acme-member");
        page.navigate(url(FileUploadTestView.PATH));
        assertThat(page.getByText("One file, at most 50 MB.")).isVisible();
        CDPSession network = page.context().newCDPSession(page);
        network.send("Network.enable");
        JsonObject slow = new JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", 0);
        slow.addProperty("downloadThroughput", -1);
        slow.addProperty("uploadThroughput", 512 * 1024);
        network.send("Network.emulateNetworkConditions", slow);

        page.waitForFileChooser(() -> page.locator("vaadin-upload vaadin-button, vaadin-upload-button").first().click()).setFiles(big);
        awaitTrue(() -> stagedParts(staging) > 0, "the server is staging the upload");
        page.locator("vaadin-upload-file [part='remove-button']").first().click();

        awaitTrue(() -> stagedParts(staging) == 0, "the staged part is deleted once the browser cancelled");
        org.assertj.core.api.Assertions.assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(dev.cairn.app.db.Tables.STORED_FILE,
                dev.cairn.app.db.Tables.STORED_FILE.TENANT_ID.eq(acme).and(dev.cairn.app.db.Tables.STORED_FILE.NAME.eq("cancelled.bin")))))
                .as("no row").isZero();
        org.assertj.core.api.Assertions.assertThat(page.getByText(Pattern.compile("Stored \"cancelled.bin\"")).count())
                .as("nothing said stored").isZero();
    }

    private static long stagedParts(Path staging) {
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (var parts = Files.list(staging)) {
            return parts.filter(part -> part.getFileName().toString().endsWith(".part")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
