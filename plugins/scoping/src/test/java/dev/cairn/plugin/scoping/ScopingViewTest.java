package dev.cairn.plugin.scoping;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.ScopingView;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.portfolio.PortfolioChart;
import dev.cairn.plugin.scoping.portfolio.PortfolioView;
import dev.cairn.plugin.scoping.template.ScopingTemplate;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The scoping page as each kind of user sees it, without a browser. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:scopingview;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ScopingViewTest extends BrowserlessTest {

    @Autowired
    DemoWorld world;
    @Autowired
    ProjectService projects;
    @Autowired
    ProblemStatementService problems;
    @Autowired
    dev.cairn.plugin.scoping.template.ScopingStarter starter;
    @Autowired
    dev.cairn.plugin.scoping.canvas.CanvasService canvas;
    @Autowired
    dev.cairn.plugin.scoping.contract.MetricContractService contracts;

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    @Test
    void aManagerStartsANewProjectsDocumentFromATemplateAndSeesItsTabs() {
        var actors = actors();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Defects on line 3", "DEF3", null));
        actors.signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        assertThat(getCurrentView()).isInstanceOf(ScopingView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ScopingTemplate> templates = $(RadioButtonGroup.class).single();
        templates.setValue(ScopingTemplates.DEFECTS);
        test(buttons("Start scoping").getFirst()).click();

        assertThat(buttons("Start scoping")).as("the picker is gone once the document exists").isEmpty();
        assertThat($(TabSheet.class).single().getElement().getTextRecursively()).contains("Problem", "Canvas", "Feasibility",
                "Value and ethics", "Metric contract", "Milestones", "Review", "Discussion");
        assertThat(getCurrentViewText()).contains("DEF3 · Scoping").contains("not reviewed yet");
    }

    @Test
    void aProblemWithAnEmptyRequiredFieldIsRefusedAndTheTypedTextStays() {
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Invoices", "INV", null));
        signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        assertThat($(TabSheet.class).all()).as("no tabs before the document is started").isEmpty();
        test(buttons("Start scoping").getFirst()).click();
        List<TextArea> areas = $(TextArea.class).all();
        TextArea business = areas.stream().filter(a -> a.getLabel().equals("Business problem")).findFirst().orElseThrow();
        test(business).setValue("Invoices wait four days in the shared inbox.");
        test(buttons("Save problem").getFirst()).click();
        assertThat($(dev.cairn.api.ui.StatusLine.class).all()).as("the refusal is shown on the tab, not in a pop-up")
                .anyMatch(line -> line.message().contains("Who is affected is required."));
        assertThat(business.getValue()).isEqualTo("Invoices wait four days in the shared inbox.");
        assertThat(actors().as("acme-pm", () -> problems.find(project.id()))).as("nothing half-written").isEmpty();
    }

    @Test
    void aViewerReadsTheDemoDocumentButHasNothingToSaveOrApprove() {
        ProjectRef churn = world.projectOf("acme");
        signIn("acme-viewer");
        UI.getCurrent().navigate("scoping/document/" + churn.id());
        assertThat(getCurrentViewText()).contains("CHURN · Scoping");
        assertThat($(TextArea.class).all()).isNotEmpty().allMatch(TextArea::isReadOnly);
        assertThat($(TextArea.class).all()).anyMatch(a -> a.getValue().contains("3% of subscribers cancel"));
        assertThat($(Button.class).all()).noneMatch(b -> EDITING_BUTTONS.contains(b.getText()));
        for (String tab : List.of("Canvas", "Feasibility", "Value and ethics", "Metric contract", "Candidates", "Milestones", "Review",
                "Discussion")) {
            selectTab(tab);
            assertThat($(Button.class).all()).as(tab).noneMatch(b -> EDITING_BUTTONS.contains(b.getText()));
            assertThat($(com.vaadin.flow.component.textfield.TextField.class).all()).as(tab)
                    .allMatch(com.vaadin.flow.component.textfield.TextField::isReadOnly);
        }
        assertThat(buttons("Post comment")).as("viewers read the discussion, they do not post").isEmpty();
    }

    @Test
    void openingTheDocumentBuildsOnlyTheFirstTabAndEachOtherWhenItIsOpened() {
        // Session memory: the nine tabs built at once held 751 KB per session (docs/benchmarks.md).
        ProjectRef churn = world.projectOf("acme");
        signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + churn.id());
        var tabs = (dev.cairn.api.ui.LazyTabSheet) $(TabSheet.class).single();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            assertThat(tabs.isBuilt(tabs.getTabAt(i))).as(tabs.getTabAt(i).getLabel()).isEqualTo(i == 0);
        }
        selectTab("Metric contract");
        assertThat($(dev.cairn.plugin.scoping.contract.ContractTab.class).all()).hasSize(1);
        assertThat(tabs.isBuilt(tabs.getTabAt(4))).isTrue();
        assertThat(tabs.isBuilt(tabs.getTabAt(5))).as("Candidates, not opened").isFalse();
    }

    @Test
    void aMemberReadsTheDocumentAndMayCommentButNotEdit() {
        ProjectRef churn = world.projectOf("acme");
        signIn("acme-member");
        UI.getCurrent().navigate("scoping/document/" + churn.id());
        assertThat($(Button.class).all()).noneMatch(b -> EDITING_BUTTONS.contains(b.getText()));
        selectTab("Discussion");
        assertThat(buttons("Post comment")).hasSize(1);
        TextArea comment = $(TextArea.class).all().stream().filter(a -> "Your comment".equals(a.getLabel())).findFirst().orElseThrow();
        test(comment).setValue("Which slices matter most?");
        test(buttons("Post comment").getFirst()).click();
        assertThat($(TabSheet.class).single().getElement().getTextRecursively()).contains("Which slices matter most?");
    }

    @Test
    void aConflictingCanvasSaveNamesWhoSavedFirstAndCanSaveMineOverTheirs() {
        var actors = actors();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Conflicts", "CONF", null));
        actors.run("acme-pm", () -> starter.start(project.id(), "blank"));
        actors.signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Canvas");
        TextArea mine = $(TextArea.class).all().stream().filter(a -> a.getLabel().startsWith("Value proposition")).findFirst().orElseThrow();
        test(mine).setValue("Paula's value proposition");
        actors.run("acme-admin", () -> canvas.save(project.id(), new Canvas(java.util.Map.of(CanvasBox.VALUE_PROPOSITION, "Ada's")), null));
        actors.signIn("acme-pm");
        test(buttons("Save canvas").getFirst()).click();
        assertThat(mine.getValue()).as("the text stays in the form").isEqualTo("Paula's value proposition");
        var choice = $(dev.cairn.api.ui.Confirmation.class).single();
        assertThat(choice.confirmButton().getText()).as("the conflict offers a choice").isEqualTo("Save mine over theirs");
        assertThat(choice.text()).contains("acme-admin changed the canvas");
        test(choice.confirmButton()).click();
        assertThat(actors.as("acme-pm", () -> canvas.find(project.id()).orElseThrow().canvas().text(CanvasBox.VALUE_PROPOSITION)))
                .isEqualTo("Paula's value proposition");
    }

    @Test
    void aHalfFilledContractRowIsRefusedWithItsNumberAndNothingIsSaved() {
        var actors = actors();
        ProjectRef project = actors.as("acme-pm", () -> projects.create("Contract rows", "ROWS", null));
        actors.run("acme-pm", () -> starter.start(project.id(), "blank"));
        actors.signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Metric contract");
        var metric = $(com.vaadin.flow.component.textfield.TextField.class).all().stream().filter(f -> "Metric".equals(f.getLabel()))
                .findFirst().orElseThrow();
        test(metric).setValue("recall");
        test(buttons("Save contract").getFirst()).click();
        assertThat($(dev.cairn.api.ui.StatusLine.class).all())
                .anyMatch(line -> line.message().contains("Target 1 (recall) needs a threshold."));
        assertThat(actors.as("acme-pm", () -> contracts.latest(project.id()).number())).isZero();
        assertThat(metric.getValue()).isEqualTo("recall");
    }

    private static final List<String> EDITING_BUTTONS = List.of("Save problem", "Start scoping", "Approve", "Reject", "Save canvas",
            "Save and rate", "Save value and ethics", "Save contract", "Add target", "Add milestone", "Edit", "Choose", "Delete", "Add candidate",
            "Sign off the ethics review");

    private void selectTab(String label) {
        TabSheet tabs = $(TabSheet.class).single();
        for (int i = 0; ; i++) {
            var tab = tabs.getTabAt(i);
            if (label.equals(tab.getLabel())) {
                tabs.setSelectedTab(tab);
                return;
            }
        }
    }

    @Test
    void thePortfolioPlotsEveryCandidateOfTheTenantAndNothingOfAnother() {
        actors().as("acme-pm", () -> projects.create("Unscored idea", "IDEA", null));
        signIn("acme-viewer");
        UI.getCurrent().navigate("scoping/portfolio");
        assertThat(getCurrentView()).isInstanceOf(PortfolioView.class);
        String points = String.valueOf($(PortfolioChart.class).single().getElement().getPropertyRaw("points"));
        assertThat(points).contains("Weekly churn score", "Uplift model", "CHURN").doesNotContain("Global forecasting model");
        assertThat(getCurrentViewText()).contains("Portfolio").contains("Not on the chart yet").contains("IDEA · Unscored idea")
                .doesNotContain("Demand");
    }

    private String getCurrentViewText() {
        return ((com.vaadin.flow.component.Component) getCurrentView()).getElement().getTextRecursively();
    }
}
