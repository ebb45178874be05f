package dev.cairn.app.scoping;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.cairn.api.ui.Confirmation;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetsView;
import dev.cairn.plugin.modeling.BaselineService;
import dev.cairn.plugin.modeling.BaselinesView;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.portfolio.CandidateSolution;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stage pages' defects found by new users, each fixed through the UI kit, without a browser. */
@AppTest
class StagePagesTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    BaselineService baselines;
    @Autowired
    CandidateService candidates;
    @Autowired
    MetricContractService contracts;
    @Autowired
    dev.cairn.plugin.scoping.template.ScopingStarter starter;
    @Autowired
    dev.cairn.plugin.data.DatasetVersions datasetVersions;
    @Autowired
    dev.cairn.plugin.data.labels.HumanLevelFigureStore humanLevelFigures;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private ProjectRef newProject(String key) {
        return new Actors(dsl).as("acme-pm", () -> projects.create("Project " + key, key, null));
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText()) && b.isVisible()).toList();
    }

    private <T extends com.vaadin.flow.component.Component & com.vaadin.flow.component.HasLabel> T labelled(Class<T> type, String label) {
        return $(type).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    /** Buttons rendered in the action column (the last) of the grid with this column header, row by row. */
    private List<Button> rowButtons(String header, String label) {
        var grid = $(com.vaadin.flow.component.grid.Grid.class).all().stream()
                .filter(g -> ((com.vaadin.flow.component.grid.Grid<?>) g).getColumns().stream()
                        .anyMatch(c -> header.equals(((com.vaadin.flow.component.grid.Grid.Column<?>) c).getHeaderText())))
                .findFirst().orElseThrow();
        var tester = test(grid);
        int last = grid.getColumns().size() - 1;
        List<Button> found = new java.util.ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            tester.getCellComponent(row, last).getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                    .filter(b -> label.equals(b.getText())).forEach(found::add);
        }
        return found;
    }

    private String refusals() {
        return String.join(" | ", $(StatusLine.class).all().stream().map(StatusLine::message).toList());
    }

    @Test
    void aRecallTypedTheGermanWayIsSavedAsARateAndFortyFiveIsRefusedOnTheField() {
        ProjectRef project = newProject("RECDE");
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().setLocale(Locale.GERMANY);
        UI.getCurrent().navigate("modeling/baselines/" + project.id());
        assertThat(getCurrentView()).isInstanceOf(BaselinesView.class);
        test(labelled(TextField.class, "Baseline name")).setValue("Rule of thumb");
        test(labelled(TextField.class, "Metric")).setValue("recall");
        DecimalField value = $(DecimalField.class).single();
        test(value).setValue("45");
        test(labelled(TextArea.class, "How it was measured")).setValue("Flag every account without a login");
        test(buttons("Record baseline").getFirst()).click();
        assertThat(value.isInvalid()).as("the error is on the field").isTrue();
        assertThat(value.getErrorMessage()).contains("between 0 and 1");
        assertThat(new Actors(dsl).as("acme-member", () -> baselines.list(project.id()))).as("nothing saved").isEmpty();
        assertThat(labelled(TextField.class, "Baseline name").getValue()).as("the input stays").isEqualTo("Rule of thumb");

        test(value).setValue("0,45");
        assertThat(value.getHelperText()).as("it says what it understood").contains("0,45").contains("45");
        test(buttons("Record baseline").getFirst()).click();
        var saved = new Actors(dsl).as("acme-member", () -> baselines.list(project.id()));
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getMetricValue()).isEqualTo(0.45);
    }

    @Test
    void aRecallOfFortyFiveIsRefusedByTheServiceToo() {
        ProjectRef project = newProject("RECSV");
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> new Actors(dsl).run("acme-member", () -> baselines.record(
                project.id(), new BaselineService.BaselineInput("Typo", "recall", 45.0, "typed as percent", null))));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }

    @Test
    void aContractThresholdTypedTheGermanWayIsSavedAsARate() {
        ProjectRef project = newProject("CONDE");
        var actors = new Actors(dsl);
        actors.run("acme-pm", () -> starter.start(project.id(), "blank"));
        actors.signIn("acme-pm");
        UI.getCurrent().setLocale(Locale.GERMANY);
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Metric contract");
        test(labelled(TextField.class, "Metric")).setValue("recall");
        test($(DecimalField.class).single()).setValue("0,45");
        test(buttons("Save contract").getFirst()).click();
        assertThat(refusals()).isEmpty();
        assertThat(actors.as("acme-pm", () -> contracts.latest(project.id()).targets().getFirst().threshold())).isEqualTo(0.45);
    }

    @Test
    void aDatasetIsEditedAndDeletedAfterConfirmation() {
        ProjectRef project = newProject("DSED");
        var actors = new Actors(dsl);
        actors.run("acme-member", () -> datasets.register(project.id(), "cards", "s3://fraud/cards.csv", "first"));
        actors.signIn("acme-pm");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        rowButtons("Name", "Edit").getFirst().click();
        assertThat(labelled(TextField.class, "Dataset name").getValue()).isEqualTo("cards");
        test(labelled(TextField.class, "Dataset name")).setValue("cards-2026");
        test(buttons("Save dataset").getFirst()).click();
        assertThat(actors.as("acme-pm", () -> datasets.list(project.id())).getFirst().getName()).isEqualTo("cards-2026");

        rowButtons("Name", "Delete").getFirst().click();
        Confirmation confirm = $(Confirmation.class).single();
        assertThat(confirm.header()).contains("cards-2026");
        assertThat(actors.as("acme-pm", () -> datasets.list(project.id()))).as("nothing deleted before the confirmation").hasSize(1);
        test(confirm.confirmButton()).click();
        assertThat(actors.as("acme-pm", () -> datasets.list(project.id()))).isEmpty();
    }

    @Test
    void aMemberMayEditButNotDeleteADataset() {
        ProjectRef project = newProject("DSMB");
        new Actors(dsl).run("acme-member", () -> datasets.register(project.id(), "cards", "s3://fraud/cards.csv", ""));
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        assertThat(rowButtons("Name", "Edit")).hasSize(1);
        assertThat(rowButtons("Name", "Delete")).isEmpty();
    }

    @Test
    void aSuccessNoticeClosesWhenTheUserLeavesAndRefusalsDoNotPileUp() {
        ProjectRef project = newProject("NOTE");
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        test(buttons("Register dataset").getFirst()).click();
        test(buttons("Register dataset").getFirst()).click();
        assertThat($(com.vaadin.flow.component.notification.Notification.class).all()).as("no red pop-ups").isEmpty();
        assertThat(labelled(TextField.class, "Dataset name").getErrorMessage()).isEqualTo("Name is required.");
        assertThat(labelled(TextField.class, "Source URI").isInvalid()).as("optional since datasets hold their versions").isFalse();

        test(labelled(TextField.class, "Dataset name")).setValue("cards");
        test(labelled(TextField.class, "Source URI")).setValue("cards.csv");
        test(buttons("Register dataset").getFirst()).click();
        assertThat(labelled(TextField.class, "Source URI").getErrorMessage()).as("the service's refusal lands on the field it names")
                .contains("needs a scheme");
        assertThat(labelled(TextField.class, "Dataset name").getValue()).isEqualTo("cards");

        test(labelled(TextField.class, "Source URI")).setValue("s3://fraud/cards.csv");
        test(buttons("Register dataset").getFirst()).click();
        var notices = $(com.vaadin.flow.component.notification.Notification.class).all();
        assertThat(notices).hasSize(1).allMatch(com.vaadin.flow.component.notification.Notification::isOpened);
        roundTrip();
        UI.getCurrent().navigate("jobs");
        assertThat(notices.getFirst().isOpened()).as("the confirmation does not outlive its page").isFalse();
    }

    @Test
    void leavingWithUnsavedEditsAsksFirst() {
        ProjectRef project = newProject("LEAVE");
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        test(labelled(TextField.class, "Dataset name")).setValue("half typed");
        UI.getCurrent().navigate("jobs");
        assertThat(getCurrentView()).as("the navigation waits for an answer").isInstanceOf(DatasetsView.class);
        Confirmation ask = $(Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Leave without saving?");
        assertThat(ask.confirmButton().getText()).isEqualTo("Leave");
        test(ask.confirmButton()).click();
        assertThat(getCurrentView()).isNotInstanceOf(DatasetsView.class);
    }

    @Test
    void theChosenCandidateOffersNoChooseAndCannotBeDeleted() {
        ProjectRef project = newProject("CAND");
        var actors = new Actors(dsl);
        actors.run("acme-pm", () -> starter.start(project.id(), "blank"));
        UUID first = actors.as("acme-pm", () -> candidates.save(project.id(), null, new CandidateSolution("Rules", null, 4, 2), null)).getId();
        actors.run("acme-pm", () -> candidates.save(project.id(), null, new CandidateSolution("Model", null, 3, 4), null));
        actors.run("acme-pm", () -> candidates.choose(project.id(), first));
        actors.signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Candidates");
        assertThat(rowButtons("Candidate", "Choose")).as("only the candidate not chosen offers Choose").hasSize(1);
        assertThat(rowButtons("Candidate", "Edit")).hasSize(2);
        var chosen = actors.as("acme-pm", () -> candidates.list(project.id())).stream().filter(c -> c.getChosen()).findFirst().orElseThrow();
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> actors.run("acme-pm",
                () -> candidates.delete(project.id(), chosen.getId(), chosen.getVersion())));
        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("choose another candidate first");
    }

    @Test
    void thePlatformAdminIsKeptOutOfPluginPages() {
        ProjectRef project = newProject("PLAT");
        new Actors(dsl).signIn("platform");
        for (String route : List.of("data/datasets/", "modeling/baselines/", "deployment/targets/", "scoping/document/")) {
            UI.getCurrent().navigate("login");
            UI.getCurrent().navigate(route + project.id());
            assertThat(getCurrentView().getClass().getName()).as(route).doesNotContain("dev.cairn.plugin");
            assertThat(((com.vaadin.flow.component.Component) getCurrentView()).getElement().getTextRecursively()).as(route)
                    .contains("Not found").doesNotContain("PLAT");
        }
        UI.getCurrent().navigate("scoping/portfolio");
        assertThat(getCurrentView().getClass().getName()).doesNotContain("dev.cairn.plugin");
    }

    @Test
    void emptyStagePagesSayWhatToDoFirst() {
        ProjectRef project = newProject("EMPTY");
        new Actors(dsl).signIn("acme-member");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        assertThat($(com.vaadin.flow.component.grid.Grid.class).single().getEmptyStateText()).contains("Start by registering");
        UI.getCurrent().navigate("modeling/baselines/" + project.id());
        assertThat($(com.vaadin.flow.component.grid.Grid.class).single().getEmptyStateText()).contains("Start by recording");
    }

    /** A project whose scoping has started and whose member kept the agreement of ann and bob on {@code csv} as a figure. */
    private ProjectRef scopedWithAKeptFigure(String key, String csv) {
        ProjectRef project = newProject(key);
        Actors actors = new Actors(dsl);
        actors.run("acme-pm", () -> starter.start(project.id(), "blank"));
        java.util.UUID version = actors.as("acme-member", () -> {
            java.util.UUID dataset = datasets.register(project.id(), "reviews", null, "").getId();
            byte[] bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return datasetVersions.upload(project.id(), dataset, dev.cairn.api.files.NewFile.named("reviews.csv"),
                    new java.io.ByteArrayInputStream(bytes), dev.cairn.plugin.data.ingest.FormatOverrides.NONE,
                    dev.cairn.plugin.data.Provenance.NONE).version().getId();
        });
        actors.run("acme-member", () -> humanLevelFigures.record(project.id(), version,
                new dev.cairn.plugin.data.labels.LabelColumns(List.of("ann", "bob"))));
        return project;
    }

    @Test
    void theFeasibilityTabOffersTheHumanLevelFigureKeptFromALabelReviewAndUsingItFillsTheAnswers() {
        ProjectRef project = scopedWithAKeptFigure("HLP1", "ann,bob\npos,pos\npos,neg\nneg,neg\nneg,neg\n");
        Actors actors = new Actors(dsl);

        actors.signIn("acme-pm");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Feasibility");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("measured-human-level").getElement().getTextRecursively())
                .contains("accuracy 0.750: Agreement of the labellers ann, bob on reviews version 1 (4 rows labelled by all; Cohen's kappa 0.500)");
        test(buttons("Use accuracy 0.750").getFirst()).click();

        assertThat(labelled(com.vaadin.flow.component.textfield.TextField.class, "HLP metric").getValue()).isEqualTo("accuracy");
        assertThat(labelled(dev.cairn.api.ui.DecimalField.class, "HLP value").getNumber()).isEqualTo(0.75);
        assertThat(labelled(com.vaadin.flow.component.textfield.IntegerField.class, "Examples it was measured on").getValue()).isEqualTo(4);
        assertThat(labelled(com.vaadin.flow.component.textfield.TextArea.class, "How the human-level performance was measured").getValue())
                .startsWith("Agreement of the labellers ann, bob on reviews version 1");
    }

    @Test
    void aViewerSeesTheMeasuredFigureButCannotUseIt() {
        ProjectRef project = scopedWithAKeptFigure("HLP2", "ann,bob\npos,pos\nneg,neg\n");
        Actors actors = new Actors(dsl);

        actors.signIn("acme-viewer");
        UI.getCurrent().navigate("scoping/document/" + project.id());
        selectTab("Feasibility");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("measured-human-level").getElement().getTextRecursively())
                .contains("accuracy 1.000");
        assertThat(buttons("Use accuracy 1.000")).isEmpty();
    }

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
}
