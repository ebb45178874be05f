package dev.cairn.plugin.scoping.feasibility;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.cairn.api.ui.DecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.data.HumanLevelFigure;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import java.util.List;
import java.util.Locale;

/** Diligence on feasibility: the questions, and the rating with how it was reached. */
public class FeasibilityTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private final Select<DataKind> dataKind = select("Kind of data", DataKind.values(), DataKind::label);
    private final Checkbox hlpApplies = new Checkbox("A person can do this task from the same input (a human-level baseline applies)");
    private final TextArea hlpMethod = new TextArea("How the human-level performance was measured");
    private final IntegerField hlpExamples = new IntegerField("Examples it was measured on");
    private final TextField hlpMetric = new TextField("HLP metric");
    private final DecimalField hlpValue = new DecimalField("HLP value");
    private final Select<Evidence> features = select("Do predictive features exist?", Evidence.values(), Evidence::label);
    private final TextArea featureNotes = new TextArea("Which features, and the evidence");
    private final Select<PriorWork> priorWork = select("Known prior work", PriorWork.values(), PriorWork::label);
    private final TextArea priorWorkNotes = new TextArea("Prior work: papers, products, earlier projects");
    private final Div rating = new Div();
    private Integer version;

    public FeasibilityTab(FeasibilityService feasibility, ProjectRef project, DataKind usualKind, boolean canEdit, Runnable onSaved) {
        setPadding(false);
        hlpMethod.setHelperText("For unstructured data: who labelled, how many people, how they were compared.");
        hlpMetric.setPlaceholder("accuracy");
        hlpExamples.setMin(1);
        // The human-level value of a rate metric (accuracy, recall, ...) lies in [0, 1].
        hlpMetric.addValueChangeListener(change -> hlpValue.range(dev.cairn.api.ui.Rates.isRate(change.getValue()) ? 0 : -Double.MAX_VALUE,
                dev.cairn.api.ui.Rates.isRate(change.getValue()) ? 1 : Double.MAX_VALUE));
        dataKind.setValue(usualKind);
        features.setValue(Evidence.UNKNOWN);
        priorWork.setValue(PriorWork.UNKNOWN);
        feasibility.find(project.id()).ifPresent(saved -> {
            FeasibilityAnswers a = saved.answers();
            dataKind.setValue(a.dataKind());
            hlpApplies.setValue(a.hlpApplies());
            hlpMethod.setValue(nonNull(a.hlpMethod()));
            hlpExamples.setValue(a.hlpExamples());
            hlpMetric.setValue(nonNull(a.hlpMetric()));
            hlpValue.setNumber(a.hlpValue());
            features.setValue(a.predictiveFeatures());
            featureNotes.setValue(nonNull(a.featureNotes()));
            priorWork.setValue(a.priorWork());
            priorWorkNotes.setValue(nonNull(a.priorWorkNotes()));
            version = saved.version();
            showRating(FeasibilityRating.of(a));
        });
        FormLayout form = new FormLayout(dataKind, hlpApplies, hlpMethod, hlpExamples, hlpMetric, hlpValue, features, featureNotes,
                priorWork, priorWorkNotes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        form.setColspan(hlpApplies, 2);
        add(form);
        measured(feasibility.measuredHumanLevel(project.id()), canEdit);
        form.getChildren().filter(HasValue.class::isInstance).forEach(field -> ((HasValue<?, ?>) field).setReadOnly(!canEdit));
        if (canEdit) {
            Button save = new Button("Save and rate", click -> Saving.attemptVersioned(status, () -> {
                Saving.requireNumberOrEmpty(hlpExamples);
                FeasibilityAnswers answers = new FeasibilityAnswers(dataKind.getValue(), hlpApplies.getValue(), hlpMethod.getValue(),
                        hlpExamples.getValue(), hlpMetric.getValue(), hlpValue.getNumber(), features.getValue(), featureNotes.getValue(),
                        priorWork.getValue(), priorWorkNotes.getValue());
                version = feasibility.save(project.id(), answers, version);
                showRating(FeasibilityRating.of(answers));
                Notices.success("Feasibility saved (version " + version + ")");
                onSaved.run();
            }, () -> version = feasibility.find(project.id()).map(FeasibilityService.Saved::version).orElse(null)));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save, status);
        }
        add(rating);
    }

    /**
     * The human-level figures the team kept in the data stage, each with a button that fills the human-level answers from
     * it (saved with the rest, as any answer is).
     */
    private void measured(List<HumanLevelFigure> figures, boolean canEdit) {
        if (figures.isEmpty()) {
            return;
        }
        Div offered = new Div(new H4("Measured in the data stage"));
        offered.setId("measured-human-level");
        for (HumanLevelFigure figure : figures) {
            String value = String.format(Locale.ROOT, "%.3f", figure.value());
            Button use = new Button("Use " + figure.metric() + " " + value, click -> {
                hlpApplies.setValue(true);
                hlpMetric.setValue(figure.metric());
                hlpValue.setNumber(figure.value());
                hlpExamples.setValue((int) Math.min(Integer.MAX_VALUE, figure.examples()));
                hlpMethod.setValue(figure.method() + ", kept by " + figure.recordedBy() + ".");
            });
            use.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Paragraph line = new Paragraph(new Span(figure.metric() + " " + value + ": " + figure.method() + " "));
            if (canEdit) {
                line.add(use);
            }
            offered.add(line);
        }
        add(offered);
    }

    private void showRating(FeasibilityRating result) {
        rating.removeAll();
        H3 title = new H3("Feasibility: " + result.level());
        title.setId("feasibility-rating");
        UnorderedList reasons = new UnorderedList();
        result.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
        rating.add(title, new Paragraph("How it was reached:"), reasons);
    }

    private static <T> Select<T> select(String label, T[] items, java.util.function.Function<T, String> text) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(text::apply);
        return select;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
