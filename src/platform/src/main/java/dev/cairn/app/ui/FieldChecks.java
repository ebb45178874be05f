package dev.cairn.app.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Binds a dialog's fields to the same checks the service makes, so every error shows on its field
 * at once, before anything is sent; a refusal only the service can know (a taken name) is put on
 * its field afterwards. Nothing is bound to a bean: the dialog's fields hold the input until it
 * is saved, so a refused form keeps everything the user typed.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Checks the field's value with a check that throws IllegalArgumentException naming the problem. */
    public static <T> void check(Binder<Void> binder, HasValue<?, T> field, Consumer<T> check) {
        binder.forField(field).withValidator(validator(check)).bind(unused -> field.getEmptyValue(), (unused, value) -> {
        });
    }

    static <T> Validator<T> validator(Consumer<T> check) {
        return (value, context) -> {
            try {
                check.accept(value);
                return ValidationResult.ok();
            } catch (IllegalArgumentException problem) {
                return ValidationResult.error(problem.getMessage());
            }
        };
    }

    /**
     * Puts a service's refusal on the field it names; false when it names none of the form's fields
     * (the caller then shows it in the form).
     */
    public static boolean show(FieldRefusal refusal, Map<String, ? extends HasValidation> fields) {
        HasValidation field = fields.get(refusal.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(refusal.getMessage());
        field.setInvalid(true);
        return true;
    }
}
