package dev.cairn.plugin.data.recipepage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Before and after: the first rows of any version of the dataset, and the same rows as a recipe version leaves them,
 * in two grids side by side; above them, the columns the recipe adds and removes and the rows its filters drop.
 */
final class PreviewPanel extends Div {

    static final int ROWS = 20;

    /** The service's preview call. */
    @FunctionalInterface
    interface Previews {
        DatasetRecipes.Preview preview(UUID recipeVersionId, UUID datasetVersionId, int count);
    }

    final ComboBox<DatasetRecipes.Version> recipe = new ComboBox<>("Recipe version");
    final ComboBox<DatasetVersionRecord> data = new ComboBox<>("Dataset version");
    final Button show = new Button("Show preview");
    final Paragraph summary = new Paragraph();
    final Div grids = new Div();
    private final StatusLine status = new StatusLine();

    PreviewPanel(List<DatasetRecipes.Version> recipeVersions, List<DatasetVersionRecord> live, Previews previews) {
        addClassName("recipe-preview");
        recipe.setItems(recipeVersions);
        recipe.setItemLabelGenerator(v -> v.recipe().name() + " v" + v.row().getVersion());
        recipe.setValue(recipeVersions.isEmpty() ? null : recipeVersions.getFirst());
        data.setItems(live);
        data.setItemLabelGenerator(v -> "v" + v.getVersion() + " · " + v.getFileName());
        data.setValue(live.isEmpty() ? null : live.getFirst());
        summary.addClassName("recipe-preview-summary");
        show.addClickListener(click -> {
            grids.removeAll();
            summary.setText("");
            if (recipe.getValue() == null || data.getValue() == null) {
                status.refused("Choose a recipe version and a dataset version.");
                return;
            }
            DatasetRecipes.Preview[] shown = new DatasetRecipes.Preview[1];
            if (status.attempt(() -> shown[0] = previews.preview(recipe.getValue().row().getId(), data.getValue().getId(), ROWS))) {
                render(shown[0]);
            }
        });
        HorizontalLayout choice = new HorizontalLayout(recipe, data, show);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H4("Preview"), new Paragraph("The first " + ROWS + " rows of a version before and after the recipe."), choice, status,
                summary, grids);
    }

    private void render(DatasetRecipes.Preview preview) {
        List<String> added = preview.outputColumns().stream().filter(c -> !preview.inputColumns().contains(c)).toList();
        List<String> removed = preview.inputColumns().stream().filter(c -> !preview.outputColumns().contains(c)).toList();
        long dropped = preview.dropped().stream().filter(d -> d).count();
        summary.setText("Adds " + (added.isEmpty() ? "no columns" : String.join(", ", added)) + "; removes "
                + (removed.isEmpty() ? "no columns" : String.join(", ", removed)) + "; " + dropped + " of " + preview.before().size()
                + " rows dropped by its filters" + (dropped == 0 ? "." : " (marked in the grid before)."));
        List<String[]> after = new ArrayList<>();
        for (int i = 0; i < preview.after().size(); i++) {
            if (!preview.dropped().get(i)) {
                after.add(preview.after().get(i));
            }
        }
        Grid<String[]> before = grid("recipe-preview-before", preview.inputColumns(), preview.before(), preview.dropped());
        Grid<String[]> afterGrid = grid("recipe-preview-after", preview.outputColumns(), after, null);
        VerticalLayout left = new VerticalLayout(new H5("Before"), before);
        VerticalLayout right = new VerticalLayout(new H5("After"), afterGrid);
        left.setPadding(false);
        right.setPadding(false);
        HorizontalLayout sideBySide = new HorizontalLayout(left, right);
        sideBySide.setWidthFull();
        grids.add(sideBySide);
    }

    private static Grid<String[]> grid(String className, List<String> columns, List<String[]> rows, List<Boolean> dropped) {
        Grid<String[]> grid = new Grid<>();
        grid.addClassName(className);
        if (dropped != null) {
            grid.addColumn(row -> dropped.get(rows.indexOf(row)) ? "dropped" : "").setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            grid.addColumn(row -> index < row.length ? row[index] : "").setHeader(columns.get(i)).setAutoWidth(true);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
