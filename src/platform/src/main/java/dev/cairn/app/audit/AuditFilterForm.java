package dev.cairn.app.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit log's filter. A valid change is applied at once; an invalid one (a range that ends
 * before it starts, a time that is not one) shows its error on the field and leaves the shown
 * entries as they were.
 */
class AuditFilterForm extends FormLayout {

    final ComboBox<TenantChoice> tenant = new ComboBox<>("Tenant");
    final TextField actor = new TextField("Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final TextField target = new TextField("Target");
    final TextField from = new TextField("From (UTC)");
    final TextField to = new TextField("To (UTC)");

    private final Binder<Values> binder = new Binder<>();
    private final Values values = new Values();

    AuditFilterForm(List<TenantChoice> tenantChoices, List<String> actions, Consumer<AuditFilter> onChange) {
        tenant.setItems(tenantChoices);
        tenant.setItemLabelGenerator(TenantChoice::label);
        tenant.setVisible(!tenantChoices.isEmpty());
        values.tenant = TenantChoice.ALL;
        action.setItems(actions);
        action.setClearButtonVisible(true);
        for (TextField time : List.of(from, to)) {
            time.setHelperText(UtcTimeConverter.HINT);
            time.setPlaceholder("any time");
            time.setClearButtonVisible(true);
        }
        for (TextField text : List.of(actor, target)) {
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setClearButtonVisible(true);
            text.setPlaceholder("any part");
        }
        binder.forField(tenant).bind(v -> v.tenant, (v, choice) -> v.tenant = choice == null ? TenantChoice.ALL : choice);
        binder.forField(actor).withValidator(text -> text.length() <= 80, "At most 80 characters").bind(v -> v.actor, (v, text) -> v.actor = text);
        binder.forField(action).bind(v -> v.action, (v, text) -> v.action = text);
        binder.forField(target).withValidator(text -> text.length() <= 200, "At most 200 characters").bind(v -> v.target, (v, text) -> v.target = text);
        binder.forField(from).withConverter(UtcTimeConverter.start()).bind(v -> v.from, (v, time) -> v.from = time);
        var end = binder.forField(to).withConverter(UtcTimeConverter.end())
                .withValidator(time -> time == null || values.from == null || time.isAfter(values.from), "The end must be after the start")
                .bind(v -> v.to, (v, time) -> v.to = time);
        binder.setBean(values);
        from.addValueChangeListener(change -> end.validate());
        binder.addValueChangeListener(change -> {
            if (binder.validate().isOk()) {
                onChange.accept(filter());
            }
        });
        add(tenant, actor, action, target, from, to);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3), new ResponsiveStep("80em", 6));
    }

    AuditFilter filter() {
        return new AuditFilter(values.tenant, values.actor, values.action, values.target, values.from, values.to);
    }

    /** The bound values: the form's bean. */
    private static final class Values {
        TenantChoice tenant;
        String actor;
        String action;
        String target;
        Instant from;
        Instant to;
    }
}
