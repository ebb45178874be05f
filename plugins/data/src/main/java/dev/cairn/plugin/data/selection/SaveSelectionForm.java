package dev.cairn.plugin.data.selection;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRecord;
import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import java.util.List;

/**
 * The feature selection page's save form: the ticked features of the grid go into a new recipe
 * (named here) or the next version of one of the dataset's recipes, with a reason (prefilled by
 * the page); refusals land on the field they name, the others beside the button.
 */
final class SaveSelectionForm extends Div {

    static final String NEW_RECIPE = "A new recipe";
    static final String NEXT_VERSION = "A new version of a recipe";

    SaveSelectionForm(ProjectRef project, DatasetVersionRecord version, FeatureRanking ranking, Grid<FeatureScore> grid, TextArea reason,
                      List<RecipeRecord> existing, SelectionRecipes selections) {
        addClassName("save-selection");
        RadioButtonGroup<String> into = new RadioButtonGroup<>("Save the ticked features into");
        into.setItems(NEW_RECIPE, NEXT_VERSION);
        into.setItemEnabledProvider(item -> item.equals(NEW_RECIPE) || !existing.isEmpty());
        into.setValue(NEW_RECIPE);
        TextField name = new TextField("Name");
        name.setValue("selected features");
        ComboBox<RecipeRecord> recipe = new ComboBox<>("Recipe");
        recipe.setItems(existing);
        recipe.setItemLabelGenerator(RecipeRecord::getName);
        recipe.setVisible(false);
        reason.setWidthFull();
        into.addValueChangeListener(change -> {
            boolean fresh = NEW_RECIPE.equals(change.getValue());
            name.setVisible(fresh);
            recipe.setVisible(!fresh);
        });
        HorizontalLayout fields = new HorizontalLayout(into, name, recipe);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div form = new Div(fields, reason);
        EditForm edit = new EditForm(form);
        edit.field(name, "Name");
        edit.field(recipe, "Recipe");
        edit.field(reason, "Reason");
        Button button = new Button("Save into recipe", click -> {
            List<String> kept = grid.getSelectedItems().stream().map(FeatureScore::name).toList();
            DatasetRecipes.Version[] saved = new DatasetRecipes.Version[1];
            boolean ok = edit.submit(() -> {
                if (NEW_RECIPE.equals(into.getValue())) {
                    saved[0] = selections.intoNewRecipe(project.id(), version.getId(), ranking.label(), kept, name.getValue(), reason.getValue());
                } else {
                    if (recipe.getValue() == null) {
                        throw new IllegalArgumentException("Recipe: choose the recipe to add the selection to.");
                    }
                    saved[0] = selections.intoRecipe(project.id(), recipe.getValue().getId(), version.getId(), ranking.label(), kept,
                            reason.getValue());
                }
            });
            if (ok) {
                Notices.success("Saved as " + saved[0].recipe().name() + " v" + saved[0].recipe().version() + ": it drops "
                        + (ranking.features().size() - kept.size()) + " features");
            }
        });
        form.add(button, edit.status());
        add(new H4("Save the selection"), new Paragraph("The recipe drops the features not ticked (the label stays), fitted on v"
                + version.getVersion() + ". Into an existing recipe, the drop is added after its steps, as its next version."), form);
    }
}
