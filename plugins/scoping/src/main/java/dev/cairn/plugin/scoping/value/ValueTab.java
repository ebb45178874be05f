package dev.cairn.plugin.scoping.value;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.cairn.api.ui.DecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;

/** Diligence on value and the ethical review, with the sign-off a high risk needs. */
public class ValueTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private final TextField businessMetric = new TextField("Business metric");
    private final TextField mlMetric = new TextField("ML metric");
    private final TextArea metricLink = new TextArea("How the ML metric moves the business metric");
    private final DecimalField valueEstimate = new DecimalField("Estimated value");
    private final TextField valueUnit = new TextField("Unit of the estimate");
    private final TextArea valueNotes = new TextArea("How the value was estimated");
    private final Select<Risk> fairness = risk("Fairness risk");
    private final Select<Risk> privacy = risk("Privacy risk");
    private final TextArea harm = new TextArea("Who could be harmed, and how");
    private final Div signOff = new Div();
    private Integer version;

    public ValueTab(ValueService value, ProjectRef project, boolean canEdit, Runnable onSaved) {
        setPadding(false);
        businessMetric.setPlaceholder("monthly churn rate");
        mlMetric.setPlaceholder("recall of churners in the top 200");
        metricLink.setHelperText("e.g. every churner found and called is retained with probability 0.3, worth 240 EUR");
        valueUnit.setPlaceholder("EUR per year");
        harm.setHelperText("Required when a risk is high: groups treated unfairly, personal data exposed, wrong decisions.");
        fairness.setValue(Risk.LOW);
        privacy.setValue(Risk.LOW);
        value.find(project.id()).ifPresent(saved -> {
            ValueAssessment a = saved.assessment();
            businessMetric.setValue(a.businessMetric());
            mlMetric.setValue(a.mlMetric());
            metricLink.setValue(a.metricLink());
            valueEstimate.setNumber(a.valueEstimate());
            valueUnit.setValue(a.valueUnit() == null ? "" : a.valueUnit());
            valueNotes.setValue(a.valueNotes() == null ? "" : a.valueNotes());
            fairness.setValue(a.fairnessRisk());
            privacy.setValue(a.privacyRisk());
            harm.setValue(a.harmNotes() == null ? "" : a.harmNotes());
            version = saved.version();
        });
        FormLayout form = new FormLayout(businessMetric, mlMetric, metricLink, valueNotes, valueEstimate, valueUnit, fairness, privacy, harm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        form.setColspan(harm, 2);
        form.getChildren().filter(HasValue.class::isInstance).forEach(field -> ((HasValue<?, ?>) field).setReadOnly(!canEdit));
        add(form);
        if (canEdit) {
            Button save = new Button("Save value and ethics", click -> Saving.attemptVersioned(status, () -> {
                version = value.save(project.id(), new ValueAssessment(businessMetric.getValue(), mlMetric.getValue(), metricLink.getValue(),
                        valueEstimate.getNumber(), valueUnit.getValue(), valueNotes.getValue(), fairness.getValue(), privacy.getValue(),
                        harm.getValue()), version);
                Notices.success("Value and ethics saved (version " + version + ")");
                showSignOff(value, project, canEdit, onSaved);
                onSaved.run();
            }, () -> version = value.find(project.id()).map(ValueService.Saved::version).orElse(null)));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save, status);
        }
        add(signOff);
        showSignOff(value, project, canEdit, onSaved);
    }

    private void showSignOff(ValueService value, ProjectRef project, boolean canEdit, Runnable onSaved) {
        signOff.removeAll();
        var saved = value.find(project.id());
        if (saved.isEmpty() || !saved.get().assessment().highRisk()) {
            return;
        }
        signOff.add(new H3("Ethics sign-off"));
        saved.get().signOff().ifPresentOrElse(done -> signOff.add(new Paragraph("Signed off by " + done.by() + " on "
                        + done.at().toLocalDate() + ": " + done.note())),
                () -> {
                    signOff.add(new Paragraph("A risk is rated high: another project manager or tenant admin must sign off the review "
                            + "before the scoping document can be approved."));
                    if (canEdit) {
                        TextArea note = new TextArea("What was checked");
                        note.setWidthFull();
                        Button sign = new Button("Sign off the ethics review", click -> status.attempt(() -> {
                            value.signOffEthics(project.id(), note.getValue(), saved.get().version());
                            version = value.find(project.id()).map(ValueService.Saved::version).orElse(version);
                            Notices.success("Ethics review signed off");
                            showSignOff(value, project, canEdit, onSaved);
                            onSaved.run();
                        }));
                        signOff.add(note, sign);
                    }
                });
    }

    private static Select<Risk> risk(String label) {
        Select<Risk> select = new Select<>();
        select.setLabel(label);
        select.setItems(Risk.values());
        select.setItemLabelGenerator(r -> r.name().charAt(0) + r.name().substring(1).toLowerCase());
        return select;
    }
}
