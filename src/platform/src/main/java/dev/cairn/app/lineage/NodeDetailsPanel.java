package dev.cairn.app.lineage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The selected node: its fields, properties and what lies up- and downstream of it. Every value was
 * recorded by a plugin or typed by a user, so each is set as text (Span, Button labels), never HTML.
 */
class NodeDetailsPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Consumer<UUID> select;
    private final Function<String, String> typeNames;

    /**
     * {@code select} is called with the id of a neighbour the user clicks, to show that node next;
     * {@code typeNames} gives the display name of a type.
     */
    NodeDetailsPanel(Consumer<UUID> select, Function<String, String> typeNames) {
        this.select = select;
        this.typeNames = typeNames;
        addClassName("lineage-details");
        setWidth("22rem");
        getStyle().set("flex", "none").set("overflow", "auto").set("padding", "var(--lumo-space-m)")
                .set("border-left", "1px solid var(--lumo-contrast-10pct)");
        setVisible(false);
    }

    void show(NodeDetails node, List<NodeRef> upstream, List<NodeRef> downstream) {
        removeAll();
        Button close = new Button("Close", click -> setVisible(false));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(close, new H3(node.name()));
        add(field("Kind", node.kind() == NodeKind.ARTIFACT ? "Artifact" : "Execution"));
        add(field("Type", typeNames.apply(node.type())));
        if (node.uri() != null) {
            add(field("URI", node.uri()));
        }
        if (node.state() != null) {
            add(field("State", node.state()));
        }
        add(field("Created", WHEN.format(node.createdAt().withOffsetSameInstant(ZoneOffset.UTC))));
        add(new H4("Properties"));
        if (node.properties().isEmpty()) {
            add(new Paragraph("None recorded."));
        }
        for (Map.Entry<String, String> property : node.properties().entrySet()) {
            add(field(property.getKey(), property.getValue()));
        }
        add(new H4("Upstream"), neighbours(upstream, "Nothing upstream: this node was not made from recorded inputs."));
        add(new H4("Downstream"), neighbours(downstream, "Nothing downstream yet."));
        setVisible(true);
    }

    private static Component field(String label, String value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        Span text = new Span(value);
        text.getStyle().set("overflow-wrap", "anywhere");
        return new Div(name, text);
    }

    private Component neighbours(List<NodeRef> nodes, String whenNone) {
        if (nodes.isEmpty()) {
            return new Paragraph(whenNone);
        }
        Div list = new Div();
        for (NodeRef node : nodes) {
            Button link = new Button(node.name() + " (" + typeNames.apply(node.type()) + ")", click -> select.accept(node.id()));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            // Long names wrap inside the panel instead of being cut off (styles.css: .lineage-link).
            link.addClassName("lineage-link");
            list.add(link);
        }
        return list;
    }
}
