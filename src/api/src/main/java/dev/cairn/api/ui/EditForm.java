package dev.cairn.api.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A form around Vaadin's Binder for stage pages:
 * <ul>
 * <li>every field's error is shown on the field, all of them at once, when the user saves;</li>
 * <li>the user's input stays in the fields on a validation error and on a service refusal; a
 * refusal whose message starts with a field's name ("Name is required.") lands on that field,
 * any other on the form's {@link StatusLine};</li>
 * <li>while edits are unsaved, leaving the page through the menu asks first (a before-leave
 * listener that postpones the navigation), and so does closing or reloading the browser tab
 * (the browser's beforeunload prompt).</li>
 * </ul>
 * Fill the fields first, then register them: only the user's own changes count as unsaved edits.
 */
public class EditForm {

    static final String UNSAVED = "data-unsaved";

    private final Component owner;
    private final Binder<Object> binder = new Binder<>();
    private final StatusLine status = new StatusLine();
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private boolean unsaved;
    private Registration leaveGuard;

    /** The owner is the component holding the form (a layout or a dialog): the guard is active while it is shown. */
    public EditForm(Component owner) {
        this.owner = owner;
        owner.addAttachListener(attached -> {
            leaveGuard = attached.getUI().addBeforeLeaveListener(this::beforeLeave);
            owner.getElement().executeJs("if (!this.__cairnUnsavedGuard) {"
                    + " const element = this;"
                    + " this.__cairnUnsavedGuard = event => { if (element.isConnected && element.hasAttribute('" + UNSAVED + "')) {"
                    + " event.preventDefault(); event.returnValue = ''; } };"
                    + " window.addEventListener('beforeunload', this.__cairnUnsavedGuard); }");
        });
        owner.addDetachListener(detached -> {
            if (leaveGuard != null) {
                leaveGuard.remove();
                leaveGuard = null;
            }
        });
    }

    /** A field the service may name in a refusal (by {@code name}, as its messages start). */
    public <V> EditForm field(HasValue<?, V> field, String name) {
        fields.put(name, field);
        binder.forField(field).bind(bean -> null, (bean, value) -> { });
        track(field);
        return this;
    }

    /** A field that must not be empty: "{name} is required." on the field otherwise. */
    public <V> EditForm required(HasValue<?, V> field, String name) {
        fields.put(name, field);
        binder.forField(field).asRequired(name + " is required.").bind(bean -> null, (bean, value) -> { });
        track(field);
        return this;
    }

    /**
     * A field checked by the service's own input check (one that throws IllegalArgumentException
     * naming the problem), so the form shows exactly the service's message on the field before
     * anything is sent.
     */
    public <V> EditForm checked(HasValue<?, V> field, String name, java.util.function.Consumer<V> check) {
        fields.put(name, field);
        binder.forField(field).withValidator((V value, com.vaadin.flow.data.binder.ValueContext context) -> {
            try {
                check.accept(value);
                return ValidationResult.ok();
            } catch (IllegalArgumentException problem) {
                return ValidationResult.error(problem.getMessage());
            }
        }).bind(bean -> null, (bean, value) -> { });
        track(field);
        return this;
    }

    /** A number field: its own parsing and range check decide, with its message on the field. */
    public EditForm decimal(DecimalField field, String name) {
        fields.put(name, field);
        binder.forField(field).withValidator((text, context) -> {
            String problem = field.problem();
            return problem == null ? ValidationResult.ok() : ValidationResult.error(problem);
        }).bind(bean -> null, (bean, value) -> { });
        track(field);
        return this;
    }

    /** Where refusals that name no field are shown: add it to the form, near the save button. */
    public StatusLine status() {
        return status;
    }

    /**
     * Validates every field (showing all errors at once) and, when all are valid, runs the save.
     * Returns whether it saved; on false the user's input is untouched.
     */
    public boolean submit(Runnable save) {
        status.clear();
        if (!binder.validate().isOk()) {
            status.refused("Check the marked fields.");
            return false;
        }
        try {
            save.run();
        } catch (RuntimeException failure) {
            if (!Refusals.isRefusal(failure)) {
                throw failure;
            }
            refuse(failure.getMessage());
            return false;
        }
        markSaved();
        return true;
    }

    /** Shows a refusal: on the field it names, else on the status line. */
    public void refuse(String message) {
        Optional<HasValue<?, ?>> named = fieldNamedBy(message);
        if (named.isPresent() && named.get() instanceof HasValidation validated) {
            validated.setErrorMessage(message);
            validated.setInvalid(true);
            status.refused(message);
        } else {
            status.refused(message);
        }
    }

    /** The edits are saved (or deliberately dropped): leaving no longer asks. */
    public void markSaved() {
        unsaved = false;
        owner.getElement().removeAttribute(UNSAVED);
    }

    /** Empties every registered field without showing "required" errors (after a save, or to start over). */
    public void clear() {
        binder.readBean(null);
        status.clear();
        markSaved();
    }

    public boolean hasUnsavedEdits() {
        return unsaved;
    }

    private void track(HasValue<?, ?> field) {
        field.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                unsaved = true;
                owner.getElement().setAttribute(UNSAVED, true);
            }
        });
    }

    /** The registered field whose name starts the message; the longest name wins ("Source URI" over "Source"). */
    private Optional<HasValue<?, ?>> fieldNamedBy(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return fields.entrySet().stream().filter(entry -> lower.startsWith(entry.getKey().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(entry -> entry.getKey().length())).map(Map.Entry::getValue);
    }

    private void beforeLeave(BeforeLeaveEvent event) {
        if (!unsaved || !owner.isAttached()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction proceed = event.postpone();
        new Confirmation("Leave without saving?",
                "Your changes on this page are not saved. Leave and drop them, or stay to save them.", "Leave", () -> {
                    markSaved();
                    proceed.proceed();
                }).destructive().cancelText("Stay").open();
    }
}
