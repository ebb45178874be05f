package dev.cairn.app.e2e;

import dev.cairn.app.testing.AppWebTest;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.cairn.app.support.DemoWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lineage page in a real browser (issue 8): the legend names types as their plugins call them
 * and sits below the graph, not over it; the wheel scrolls the page, ctrl + wheel zooms the graph.
 */
@AppWebTest
class LineagePageIT extends BrowserTest {

    @Autowired
    DemoWorld world;

    private double zoom(Page page) {
        return ((Number) page.evaluate("() => document.querySelector('lineage-graph').cy.zoom()")).doubleValue();
    }

    @Test
    void theLegendNamesTypesBelowTheGraphAndOnlyCtrlWheelZooms() {
        Page page = signIn("acme-pm");
        page.navigate(url("/lineage/") + world.projectOf("acme").id());
        page.waitForFunction("() => { const g = document.querySelector('lineage-graph'); return g && g.cy && g.graph.nodes.length > 1; }");

        Locator legend = page.locator("lineage-graph ul.legend");
        assertThat(legend).containsText("Dataset");
        assertThat(legend).not().containsText("data.");
        assertThat(legend).not().containsText("cairn.project");
        BoundingBox canvas = page.locator("lineage-graph .canvas").boundingBox();
        BoundingBox legendBox = legend.boundingBox();
        org.assertj.core.api.Assertions.assertThat(legendBox.y).as("the legend lies below the graph's canvas")
                .isGreaterThanOrEqualTo(canvas.y + canvas.height - 1);

        double before = zoom(page);
        page.mouse().move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
        page.mouse().wheel(0, -400);
        page.waitForTimeout(300);
        org.assertj.core.api.Assertions.assertThat(zoom(page)).as("a plain wheel leaves the graph's zoom alone").isEqualTo(before);

        page.keyboard().down("Control");
        page.mouse().wheel(0, -400);
        page.keyboard().up("Control");
        page.waitForTimeout(300);
        org.assertj.core.api.Assertions.assertThat(zoom(page)).as("ctrl + wheel zooms in").isGreaterThan(before);

        double zoomed = zoom(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoom out")).click();
        org.assertj.core.api.Assertions.assertThat(zoom(page)).isLessThan(zoomed);
    }
}
