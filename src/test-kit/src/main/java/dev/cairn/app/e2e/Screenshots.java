package dev.cairn.app.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;

/** Screenshots for docs/: the browser tests take them, so the user guide shows the real product. */
public final class Screenshots {

    private Screenshots() {
    }

    /**
     * target/screenshots of the app module, so a test run leaves the work tree clean;
     * scripts/update-screenshots copies them into docs/images for the user guide.
     */
    public static Path folder() {
        Path images = Path.of("target", "screenshots").toAbsolutePath();
        try {
            Files.createDirectories(images);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return images;
    }

    public static void take(Page page, Path folder, String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
    }
}
