package dev.cairn.plugin.data.recipepage;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeLists;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One step in the recipe editor: its operation, its columns (from the training version's), the
 * choices that say how to fit it (only those of its operation are shown), and buttons to move or
 * remove it. Its own Binder shows every problem on its field; a problem only the fit finds (no
 * numbers to learn from) is put on the operation field, so the step names itself on its row.
 */
final class StepRow extends HorizontalLayout {

    static final String FIXED = "fixed values";
    static final String RANKS = "ranks read from the data";
    static final String EQUAL_FREQUENCY = "equal-frequency buckets";
    static final String MY_BOUNDS = "my bounds";
    static final String MOST_FREQUENT = "the most frequent";
    static final String MY_LIST = "my list";
    static final List<String> STRATEGIES = List.of("mean", "median", "most-frequent", "constant");

    final ComboBox<Operation> operation = new ComboBox<>("Operation");
    final MultiSelectComboBox<String> columns = new MultiSelectComboBox<>("Columns");
    final ComboBox<String> strategy = new ComboBox<>("Strategy");
    final TextField value = new TextField("Value");
    final RadioButtonGroup<String> clipBy = new RadioButtonGroup<>("Bounds from");
    final DecimalField min = new DecimalField("Minimum");
    final DecimalField max = new DecimalField("Maximum");
    final DecimalField lower = new DecimalField("Lower rank");
    final DecimalField upper = new DecimalField("Upper rank");
    final RadioButtonGroup<String> bucketBy = new RadioButtonGroup<>("Buckets as");
    final IntegerField buckets = new IntegerField("Buckets");
    final TextField bounds = new TextField("Bounds");
    final RadioButtonGroup<String> categoriesBy = new RadioButtonGroup<>("Categories");
    final IntegerField top = new IntegerField("How many");
    final TextArea categories = new TextArea("Listed categories");
    final Checkbox other = new Checkbox("A column for any other value");
    final DecimalField offset = new DecimalField("Offset");
    final TextField crossName = new TextField("New column");
    final Button up = new Button("↑");
    final Button down = new Button("↓");
    final Button remove = new Button("Remove");
    private final Span number = new Span();
    private final Binder<Object> binder = new Binder<>();
    private int position;
    private List<String> offered;

    StepRow(List<String> available, Runnable changed) {
        addClassName("recipe-step");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        operation.setItems(Operation.values());
        operation.setItemLabelGenerator(StepWords::label);
        operation.setRequired(true);
        offer(available);
        columns.setWidth("16em");
        strategy.setItems(STRATEGIES);
        strategy.setValue("mean");
        clipBy.setItems(FIXED, RANKS);
        clipBy.setValue(FIXED);
        lower.rate();
        upper.rate();
        lower.setPlaceholder("e.g. 0.01");
        upper.setPlaceholder("e.g. 0.99");
        bucketBy.setItems(EQUAL_FREQUENCY, MY_BOUNDS);
        bucketBy.setValue(EQUAL_FREQUENCY);
        buckets.setValue(4);
        buckets.setMin(2);
        buckets.setMax(100);
        bounds.setHelperText("ascending, separated by ;");
        categoriesBy.setItems(MOST_FREQUENT, MY_LIST);
        categoriesBy.setValue(MOST_FREQUENT);
        top.setValue(10);
        top.setMin(1);
        top.setMax(1000);
        categories.setHelperText("one per line");
        offset.setPlaceholder("1");
        offset.setHelperText("ln(x + offset); empty: 1");
        crossName.setPlaceholder("a_x_b");
        up.getElement().setAttribute("aria-label", "Move up");
        down.getElement().setAttribute("aria-label", "Move down");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        number.addClassName("recipe-step-number");
        bind();
        for (HasValue<?, ?> field : List.of(operation, strategy, clipBy, bucketBy, categoriesBy)) {
            field.addValueChangeListener(change -> shown());
        }
        for (HasValue<?, ?> field : fields()) {
            field.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    changed.run();
                }
            });
        }
        add(number, operation, columns, strategy, value, clipBy, min, max, lower, upper, bucketBy, buckets, bounds, categoriesBy, top,
                categories, other, offset, crossName, up, down, remove);
        shown();
    }

    /** A row showing a saved plan's step (editing a recipe starts from its newest version). */
    static StepRow of(StepPlan plan, List<String> available, Runnable changed) {
        List<String> offered = new ArrayList<>(available);
        plan.inputs().stream().filter(c -> !offered.contains(c)).forEach(offered::add);
        StepRow row = new StepRow(offered, changed);
        row.fill(plan);
        return row;
    }

    /** The columns a step may choose (the training version's); a choice no longer offered is dropped. */
    void offer(List<String> available) {
        var kept = columns.getSelectedItems().stream().filter(available::contains).toList();
        offered = List.copyOf(available);
        columns.setItems(offered);
        columns.select(kept);
    }

    private List<HasValue<?, ?>> fields() {
        return List.of(operation, columns, strategy, value, clipBy, min, max, lower, upper, bucketBy, buckets, bounds, categoriesBy, top,
                categories, other, offset, crossName);
    }

    void position(int position, int count) {
        this.position = position;
        number.setText(position + ".");
        up.setEnabled(position > 1);
        down.setEnabled(position < count);
        up.getElement().setAttribute("aria-label", "Move step " + position + " up");
        down.getElement().setAttribute("aria-label", "Move step " + position + " down");
        remove.getElement().setAttribute("aria-label", "Remove step " + position);
    }

    int position() {
        return position;
    }

    private boolean is(Operation... any) {
        for (Operation o : any) {
            if (operation.getValue() == o) {
                return true;
            }
        }
        return false;
    }

    /** Only the choices of the chosen operation are shown. */
    private void shown() {
        columns.setVisible(operation.getValue() != null);
        columns.setHelperText(is(Operation.DROP_DUPLICATES) ? "none: compare whole rows" : null);
        strategy.setVisible(is(Operation.IMPUTE));
        value.setVisible(is(Operation.IMPUTE) && "constant".equals(strategy.getValue()));
        clipBy.setVisible(is(Operation.CLIP));
        boolean fixed = FIXED.equals(clipBy.getValue());
        min.setVisible(is(Operation.CLIP) && fixed);
        max.setVisible(is(Operation.CLIP) && fixed);
        lower.setVisible(is(Operation.CLIP) && !fixed);
        upper.setVisible(is(Operation.CLIP) && !fixed);
        bucketBy.setVisible(is(Operation.BUCKETIZE));
        buckets.setVisible(is(Operation.BUCKETIZE) && EQUAL_FREQUENCY.equals(bucketBy.getValue()));
        bounds.setVisible(is(Operation.BUCKETIZE) && MY_BOUNDS.equals(bucketBy.getValue()));
        categoriesBy.setVisible(is(Operation.ONE_HOT));
        top.setVisible(is(Operation.ONE_HOT) && MOST_FREQUENT.equals(categoriesBy.getValue()));
        categories.setVisible(is(Operation.ONE_HOT) && MY_LIST.equals(categoriesBy.getValue()));
        other.setVisible(is(Operation.ONE_HOT));
        offset.setVisible(is(Operation.LOG));
        crossName.setVisible(is(Operation.CROSS));
    }

    private void bind() {
        check(operation, v -> v == null ? "Operation: choose what the step does." : null);
        check(columns, v -> columnsProblem(v.size()));
        check(value, v -> value.isVisible() && (v == null || v.isBlank()) ? "Value: give the value that fills missing ones." : null);
        check(min, v -> visible(min, this::clipProblem));
        check(max, v -> visible(max, () -> max.problem()));
        check(lower, v -> visible(lower, this::rankProblem));
        check(upper, v -> visible(upper, () -> upper.problem()));
        check(buckets, v -> buckets.isVisible() && (v == null || v < 2 || v > 100) ? "Buckets: a whole number from 2 to 100." : null);
        check(bounds, v -> visible(bounds, this::boundsProblem));
        check(top, v -> top.isVisible() && (v == null || v < 1 || v > 1000) ? "How many: a whole number from 1 to 1000." : null);
        check(categories, v -> visible(categories, this::categoriesProblem));
        check(offset, v -> visible(offset, () -> offset.problem()));
    }

    private <V> void check(HasValue<?, V> field, Function<V, String> problem) {
        binder.forField(field).withValidator((V v, com.vaadin.flow.data.binder.ValueContext context) -> {
            String message = problem.apply(v);
            return message == null ? ValidationResult.ok() : ValidationResult.error(message);
        }).bind(bean -> null, (bean, v) -> { });
    }

    private static String visible(com.vaadin.flow.component.Component field, java.util.function.Supplier<String> problem) {
        return field.isVisible() ? problem.get() : null;
    }

    private String columnsProblem(int chosen) {
        Operation op = operation.getValue();
        if (op == null) {
            return null;
        }
        return switch (op) {
            case DROP_DUPLICATES -> null;
            case DROP, DROP_MISSING -> chosen < 1 ? "Columns: choose at least one." : null;
            case CLIP -> chosen < 1 ? "Columns: choose at least one." : chosen > 1 && RANKS.equals(clipBy.getValue())
                    ? "Columns: bounds read from the data take one column; add a step per column." : null;
            case CROSS -> chosen < 2 ? "Columns: a cross takes at least two." : null;
            default -> chosen != 1 ? "Columns: " + StepWords.label(op).toLowerCase() + " takes exactly one column." : null;
        };
    }

    private String clipProblem() {
        String own = min.problem();
        if (own != null) {
            return own;
        }
        if (max.problem() != null) {
            return null;
        }
        Double low = min.getNumber();
        Double high = max.getNumber();
        if (low == null && high == null) {
            return "Minimum: give a minimum, a maximum or both.";
        }
        return low != null && high != null && low > high ? "Minimum is above the maximum." : null;
    }

    private String rankProblem() {
        String own = lower.problem();
        if (own != null) {
            return own;
        }
        if (upper.problem() != null) {
            return null;
        }
        Double low = lower.getNumber();
        Double high = upper.getNumber();
        if (low == null && high == null) {
            return "Lower rank: give a lower rank, an upper rank or both (0.01 and 0.99 clip the outer 1%).";
        }
        return low != null && high != null && low > high ? "Lower rank is above the upper rank." : null;
    }

    private String boundsProblem() {
        try {
            bucketBounds();
            return null;
        } catch (IllegalArgumentException problem) {
            return problem.getMessage();
        }
    }

    /** The bounds typed, in the user's number format, separated by semicolons (a comma may be their decimal mark). */
    private List<String> bucketBounds() {
        String text = bounds.getValue() == null ? "" : bounds.getValue().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Bounds: give at least one bound.");
        }
        List<String> out = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (String part : text.split(";")) {
            var parsed = DecimalField.parse(part, getLocale() == null ? java.util.Locale.ENGLISH : getLocale());
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("Bounds: '" + part.strip() + "' is not a number.");
            }
            if (parsed.get() <= previous) {
                throw new IllegalArgumentException("Bounds must be strictly ascending.");
            }
            previous = parsed.get();
            out.add(Double.toString(parsed.get()));
        }
        return out;
    }

    private String categoriesProblem() {
        List<String> listed = listedCategories();
        if (listed.isEmpty()) {
            return "Listed categories: give at least one.";
        }
        return new LinkedHashSet<>(listed).size() != listed.size() ? "Listed categories: each only once." : null;
    }

    private List<String> listedCategories() {
        String text = categories.getValue() == null ? "" : categories.getValue();
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Validates the row, showing every problem on its field; true when it can be sent. */
    boolean validate() {
        operation.setInvalid(false);
        return binder.validate().isOk();
    }

    /** A problem the fit found with this step, shown on the row. */
    void fitProblem(String message) {
        operation.setErrorMessage(message);
        operation.setInvalid(true);
    }

    /** The step as the fitter takes it (after {@link #validate()}). */
    StepPlan plan() {
        Operation op = operation.getValue();
        Map<String, String> choices = new HashMap<>();
        switch (op) {
            case IMPUTE -> {
                choices.put("strategy", strategy.getValue());
                if ("constant".equals(strategy.getValue())) {
                    choices.put("value", value.getValue());
                }
            }
            case CLIP -> {
                if (FIXED.equals(clipBy.getValue())) {
                    put(choices, "min", min.getNumber());
                    put(choices, "max", max.getNumber());
                } else {
                    put(choices, "lower", lower.getNumber());
                    put(choices, "upper", upper.getNumber());
                }
            }
            case BUCKETIZE -> {
                if (EQUAL_FREQUENCY.equals(bucketBy.getValue())) {
                    choices.put("buckets", String.valueOf(buckets.getValue()));
                } else {
                    choices.put("bounds", RecipeLists.encode(bucketBounds()));
                }
            }
            case ONE_HOT -> {
                if (MOST_FREQUENT.equals(categoriesBy.getValue())) {
                    choices.put("top", String.valueOf(top.getValue()));
                } else {
                    choices.put("categories", RecipeLists.encode(listedCategories()));
                }
                choices.put("other", String.valueOf(other.getValue()));
            }
            case LOG -> put(choices, "offset", offset.getNumber());
            case CROSS -> {
                if (crossName.getValue() != null && !crossName.getValue().isBlank()) {
                    choices.put("name", crossName.getValue().strip());
                }
            }
            default -> {
            }
        }
        // In the version's column order, whatever order they were ticked in.
        return new StepPlan(op, columns.getSelectedItems().stream().sorted(java.util.Comparator.comparingInt(offered::indexOf)).toList(), choices);
    }

    private static void put(Map<String, String> choices, String name, Double number) {
        if (number != null) {
            choices.put(name, Double.toString(number));
        }
    }

    private void fill(StepPlan plan) {
        operation.setValue(plan.operation());
        columns.select(plan.inputs());
        Map<String, String> c = plan.choices();
        switch (plan.operation()) {
            case IMPUTE -> {
                strategy.setValue(c.getOrDefault("strategy", "mean"));
                value.setValue(c.getOrDefault("value", ""));
            }
            case CLIP -> {
                boolean ranks = c.containsKey("lower") || c.containsKey("upper");
                clipBy.setValue(ranks ? RANKS : FIXED);
                min.setNumber(number(c.get("min")));
                max.setNumber(number(c.get("max")));
                lower.setNumber(number(c.get("lower")));
                upper.setNumber(number(c.get("upper")));
            }
            case BUCKETIZE -> {
                if (c.containsKey("bounds")) {
                    bucketBy.setValue(MY_BOUNDS);
                    bounds.setValue(String.join("; ", RecipeLists.decode(c.get("bounds"))));
                } else {
                    buckets.setValue(Integer.parseInt(c.getOrDefault("buckets", "4")));
                }
            }
            case ONE_HOT -> {
                if (c.containsKey("categories")) {
                    categoriesBy.setValue(MY_LIST);
                    categories.setValue(String.join("\n", RecipeLists.decode(c.get("categories"))));
                } else {
                    top.setValue(Integer.parseInt(c.getOrDefault("top", "10")));
                }
                other.setValue(Boolean.parseBoolean(c.get("other")));
            }
            case LOG -> offset.setNumber(number(c.get("offset")));
            case CROSS -> crossName.setValue(c.getOrDefault("name", ""));
            default -> {
            }
        }
        shown();
    }

    private static Double number(String text) {
        return text == null ? null : Double.parseDouble(text);
    }
}
