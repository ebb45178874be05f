package dev.cairn.plugin.data.schema;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The diff between any two schema versions: two choices (the previous and the newest version at
 * first) and a grid of the changes, one row per feature added or removed and per attribute changed,
 * before and after.
 */
final class SchemaDiffPanel extends VerticalLayout {

    private final ComboBox<Integer> from = new ComboBox<>("From version");
    private final ComboBox<Integer> to = new ComboBox<>("To version");
    private final Grid<SchemaChange> changes = new Grid<>();
    private final BiFunction<Integer, Integer, List<SchemaChange>> diff;

    SchemaDiffPanel(List<SchemaVersion> history, BiFunction<Integer, Integer, List<SchemaChange>> diff) {
        this.diff = diff;
        setPadding(false);
        addClassName("schema-diff");
        List<Integer> numbers = history.stream().map(SchemaVersion::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        from.setItemLabelGenerator(n -> "v" + n);
        to.setItemLabelGenerator(n -> "v" + n);
        from.setValue(numbers.get(1));
        to.setValue(numbers.getFirst());
        changes.addColumn(c -> c.feature() == null ? "(schema)" : c.feature()).setHeader("Feature").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(SchemaDiffPanel::what).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> c.before() == null ? "" : c.before()).setHeader("Before").setFlexGrow(1);
        changes.addColumn(c -> c.after() == null ? "" : c.after()).setHeader("After").setFlexGrow(1);
        changes.addClassName("schema-diff-grid");
        changes.setAllRowsVisible(true);
        changes.setEmptyStateText("No difference between these versions.");
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        add(new HorizontalLayout(from, to), changes);
        refresh();
    }

    private static String what(SchemaChange change) {
        return switch (change.kind()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> change.attribute();
        };
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null) {
            changes.setItems(List.of());
            return;
        }
        changes.setItems(diff.apply(from.getValue(), to.getValue()));
    }
}
