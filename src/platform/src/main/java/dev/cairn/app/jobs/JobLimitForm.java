package dev.cairn.app.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import dev.cairn.api.ui.Notices;

/**
 * The tenant admin's setting: how many of the tenant's jobs may run at once. Errors stay on the
 * field (Binder); the service checks the range again.
 */
class JobLimitForm extends HorizontalLayout {

    /** The form's bean. */
    static final class Limit {
        private Integer value;

        Integer getValue() {
            return value;
        }

        void setValue(Integer value) {
            this.value = value;
        }
    }

    private final JobService jobs;
    private final Runnable saved;
    private final IntegerField field = new IntegerField("Jobs at once for this tenant");
    private final Binder<Limit> binder = new Binder<>();
    private final Limit limit = new Limit();

    JobLimitForm(JobService jobs, Runnable saved) {
        this.jobs = jobs;
        this.saved = saved;
        int max = jobs.maxTenantLimit();
        // No min/max on the field itself: the Binder's check gives the one message on the field.
        field.setStepButtonsVisible(true);
        field.setHelperText("Between 1 and " + max + ". More jobs wait in the queue until one ends.");
        binder.forField(field).asRequired("Enter how many jobs may run at once")
                .withValidator(v -> v >= 1 && v <= max, "Enter a number between 1 and " + max)
                .bind(Limit::getValue, Limit::setValue);
        limit.setValue(jobs.tenantLimit());
        binder.readBean(limit);
        Button save = new Button("Save limit", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(field, save);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    private void save() {
        if (!binder.writeBeanIfValid(limit)) {
            return;
        }
        jobs.setTenantLimit(limit.getValue());
        Notices.success("Up to " + limit.getValue() + " jobs now run at once");
        saved.run();
    }

    IntegerField field() {
        return field;
    }
}
