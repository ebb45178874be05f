package dev.cairn.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.ScopingView;
import dev.cairn.plugin.scoping.portfolio.PortfolioChart;
import dev.cairn.plugin.scoping.portfolio.PortfolioView;
import dev.cairn.plugin.scoping.template.ScopingTemplate;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The scoping page as each kind of user sees it, without a browser. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:scopingview;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ScopingViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    ProjectService projects;
    @Autowired
    ProblemStatementService problems;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    @Test
    void aManagerStartsANewProjectsDocumentFromATemplateAndSeesItsTabs() {
        var actors = new Actors(dsl);
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
        ProjectRef project = new Actors(dsl).as("acme-pm", () -> projects.create("Invoices", "INV", null));
        new Actors(dsl).signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        List<TextArea> areas = $(TextArea.class).all();
        TextArea business = areas.stream().filter(a -> a.getLabel().equals("Business problem")).findFirst().orElseThrow();
        test(business).setValue("Invoices wait four days in the shared inbox.");
        test(buttons("Save problem").getFirst()).click();
        assertThat(business.getValue()).isEqualTo("Invoices wait four days in the shared inbox.");
        assertThat(new Actors(dsl).as("acme-pm", () -> problems.find(project.id()))).as("nothing half-written").isEmpty();
    }

    @Test
    void aViewerReadsTheDemoDocumentButHasNothingToSaveOrApprove() {
        ProjectRef churn = world.projectOf("acme");
        new Actors(dsl).signIn("acme-viewer");
        UI.getCurrent().navigate("scoping/document/" + churn.id());
        assertThat(getCurrentViewText()).contains("CHURN · Scoping");
        assertThat($(TextArea.class).all()).isNotEmpty().allMatch(TextArea::isReadOnly);
        assertThat($(TextArea.class).all()).anyMatch(a -> a.getValue().contains("3% of subscribers cancel"));
        assertThat($(Button.class).all()).noneMatch(b -> List.of("Save problem", "Start scoping", "Approve", "Reject")
                .contains(b.getText()));
    }

    @Test
    void thePortfolioPlotsEveryCandidateOfTheTenantAndNothingOfAnother() {
        new Actors(dsl).signIn("acme-viewer");
        UI.getCurrent().navigate("scoping/portfolio");
        assertThat(getCurrentView()).isInstanceOf(PortfolioView.class);
        String points = String.valueOf($(PortfolioChart.class).single().getElement().getPropertyRaw("points"));
        assertThat(points).contains("Weekly churn score", "Uplift model", "CHURN").doesNotContain("Global forecasting model");
        assertThat(getCurrentViewText()).contains("Portfolio");
    }

    private String getCurrentViewText() {
        return ((com.vaadin.flow.component.Component) getCurrentView()).getElement().getTextRecursively();
    }
}
