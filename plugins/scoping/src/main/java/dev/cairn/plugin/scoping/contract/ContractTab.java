package dev.cairn.plugin.scoping.contract;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.Rates;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.scoping.Direction;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.plugin.scoping.contract.MetricContractService.EditableContract;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import java.util.ArrayList;
import java.util.List;

/** The metric contract: a row per target (kind, metric, slice, direction, threshold, unit). */
public class ContractTab extends VerticalLayout {

    private final StatusLine refusal = new StatusLine();

    private final MetricContractService contracts;
    private final ProjectRef project;
    private final boolean canEdit;
    private final Paragraph status = new Paragraph();
    private final VerticalLayout rows = new VerticalLayout();
    private final List<TargetRow> targetRows = new ArrayList<>();
    private EditableContract current;

    public ContractTab(MetricContractService contracts, ProjectRef project, boolean canEdit, Runnable onSaved) {
        this.contracts = contracts;
        this.project = project;
        this.canEdit = canEdit;
        setPadding(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        status.setId("contract-status");
        add(status, new Paragraph("Each target names a metric, overall or on a named slice of the data, and the threshold it must "
                + "reach (>=) or stay under (<=). An approved contract never changes: editing it starts the next version, "
                + "which needs its own approval."), rows);
        load(contracts.latest(project.id()));
        if (canEdit) {
            Button add = new Button("Add target", click -> addRow(null));
            Button save = new Button("Save contract", click -> Saving.attemptVersioned(refusal, () -> {
                load(contracts.saveTargets(project.id(), targets(), current));
                Notices.success("Metric contract v" + current.number() + " saved as a draft");
                onSaved.run();
            }, () -> current = contracts.latest(project.id())));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new HorizontalLayout(add, save), refusal);
        }
    }

    private void load(EditableContract contract) {
        current = contract;
        String approved = contracts.approvedContract(project.id())
                .map(a -> " The approved contract is v" + a.version() + " (approved by " + a.approvedBy() + ").").orElse("");
        status.setText(contract.number() == 0 ? "No metric contract yet." + approved
                : "Metric contract v" + contract.number() + " · " + contract.status().name().toLowerCase() + "." + approved);
        rows.removeAll();
        targetRows.clear();
        contract.targets().forEach(this::addRow);
        if (contract.targets().isEmpty() && canEdit) {
            addRow(null);
        }
    }

    private void addRow(MetricTarget target) {
        TargetRow row = new TargetRow(target, canEdit);
        row.remove.addClickListener(click -> {
            rows.remove(row);
            targetRows.remove(row);
        });
        targetRows.add(row);
        rows.add(row);
    }

    /** The targets as typed; a row left entirely empty is ignored, a half-filled one is an error naming its row. */
    private List<MetricTarget> targets() {
        List<MetricTarget> targets = new ArrayList<>();
        int number = 0;
        for (TargetRow row : targetRows) {
            number++;
            if (row.metric.getValue().isBlank() && row.threshold.getValue().isBlank()) {
                continue;
            }
            Double threshold;
            try {
                threshold = row.threshold.getNumber();
            } catch (IllegalArgumentException notANumberInRange) {
                throw new IllegalArgumentException("Target " + number + " (" + row.metric.getValue() + "): "
                        + notANumberInRange.getMessage());
            }
            if (threshold == null) {
                throw new IllegalArgumentException("Target " + number + " (" + row.metric.getValue() + ") needs a threshold.");
            }
            if (row.metric.getValue().isBlank()) {
                throw new IllegalArgumentException("Target " + number + " needs a metric name.");
            }
            targets.add(new MetricTarget(row.kind.getValue(), row.metric.getValue(), row.slice.getValue(), row.direction.getValue(),
                    threshold, row.unit.getValue()));
        }
        return targets;
    }

    /** One target being edited. */
    static final class TargetRow extends HorizontalLayout {
        private void rateRange() {
            if (Rates.isRate(metric.getValue()) && unit.getValue().isBlank()) {
                threshold.rate();
            } else {
                threshold.range(-Double.MAX_VALUE, Double.MAX_VALUE);
            }
        }

        final Select<MetricKind> kind = new Select<>();
        final TextField metric = new TextField("Metric");
        final TextField slice = new TextField("Slice (empty: overall)");
        final Select<Direction> direction = new Select<>();
        final DecimalField threshold = new DecimalField("Threshold");
        final TextField unit = new TextField("Unit");
        final Button remove = new Button("Remove");

        TargetRow(MetricTarget target, boolean canEdit) {
            kind.setLabel("Kind");
            kind.setItems(MetricKind.values());
            kind.setItemLabelGenerator(MetricKind::label);
            direction.setLabel("Must be");
            direction.setItems(Direction.values());
            direction.setItemLabelGenerator(d -> d == Direction.AT_LEAST ? ">= at least" : "<= at most");
            // Fields grow with the page, so metric and slice names are not cut off while space is left.
            kind.setMinWidth("9em");
            metric.setMinWidth("11em");
            slice.setMinWidth("10em");
            direction.setMinWidth("8.5em");
            threshold.setMinWidth("7em");
            unit.setMinWidth("5.5em");
            setWidthFull();
            setFlexGrow(2, metric, slice);
            setFlexGrow(1, kind, direction, threshold, unit);
            // A rate metric (recall, precision, ...) without a unit has its threshold in [0, 1].
            metric.addValueChangeListener(change -> rateRange());
            unit.addValueChangeListener(change -> rateRange());
            kind.setValue(target == null ? MetricKind.ML : target.kind());
            direction.setValue(target == null ? Direction.AT_LEAST : target.direction());
            if (target != null) {
                metric.setValue(target.metric());
                slice.setValue(target.slice() == null ? "" : target.slice());
                threshold.setNumber(target.threshold());
                unit.setValue(target.unit() == null ? "" : target.unit());
            }
            add(kind, metric, slice, direction, threshold, unit);
            kind.setReadOnly(!canEdit);
            metric.setReadOnly(!canEdit);
            slice.setReadOnly(!canEdit);
            direction.setReadOnly(!canEdit);
            threshold.setReadOnly(!canEdit);
            unit.setReadOnly(!canEdit);
            if (canEdit) {
                add(remove);
            }
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
        }
    }
}
