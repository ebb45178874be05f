package dev.cairn.app.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright for Java. Playwright never downloads a browser here:
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and the executable path point at /usr/bin/chromium.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("CAIRN_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException("Chromium not found at " + chromium + ": install it with apt-get install chromium");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    public Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 860));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
