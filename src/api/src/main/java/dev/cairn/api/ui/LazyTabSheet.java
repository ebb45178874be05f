package dev.cairn.api.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tab sheet that builds a tab's content the first time the tab is opened. A plain TabSheet keeps
 * every tab's component tree on the server from the start, so a page of nine tabs held five times
 * the session memory of the others (docs/benchmarks.md, "UI session heap"); a user who opens one
 * tab now pays for one. Content once built stays, so switching back keeps what was typed.
 */
public class LazyTabSheet extends TabSheet {

    private final Map<Tab, Supplier<? extends Component>> notBuilt = new HashMap<>();
    private final Map<Tab, Div> holders = new HashMap<>();

    public LazyTabSheet() {
        addSelectedChangeListener(event -> build(event.getSelectedTab()));
    }

    /** Adds a tab whose content {@code content} makes when the tab is first selected. */
    public Tab addLazy(String label, Supplier<? extends Component> content) {
        Div holder = new Div();
        holder.setWidthFull();
        Tab tab = add(label, holder);
        holders.put(tab, holder);
        notBuilt.put(tab, content);
        // The first tab added is selected as it is added, before its content was known here.
        if (tab.equals(getSelectedTab())) {
            build(tab);
        }
        return tab;
    }

    /** Whether the tab's content has been made (it has been opened). */
    public boolean isBuilt(Tab tab) {
        return holders.containsKey(tab) && !notBuilt.containsKey(tab);
    }

    private void build(Tab tab) {
        Supplier<? extends Component> content = tab == null ? null : notBuilt.remove(tab);
        if (content != null) {
            holders.get(tab).add(content.get());
        }
    }
}
