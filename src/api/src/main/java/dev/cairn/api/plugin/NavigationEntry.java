package dev.cairn.api.plugin;

import com.vaadin.flow.component.Component;
import java.util.Objects;

/**
 * A navigation entry of a stage. The view must be a {@code @Route} whose path starts with
 * "{plugin id}/" and that implements {@code HasUrlParameter<String>} for the project id.
 */
public record NavigationEntry(String label, Class<? extends Component> view) {
    public NavigationEntry {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(view, "view");
    }
}
