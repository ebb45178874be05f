package dev.cairn.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tab's content is made when the tab is first opened, once, and kept. */
class LazyTabSheetTest {

    @Test
    void onlyTheSelectedTabIsBuiltUntilAnotherIsOpenedAndEachIsBuiltOnce() {
        List<String> built = new ArrayList<>();
        LazyTabSheet tabs = new LazyTabSheet();
        Tab first = tabs.addLazy("First", () -> {
            built.add("first");
            return new Span("first content");
        });
        Tab second = tabs.addLazy("Second", () -> {
            built.add("second");
            return new Span("second content");
        });
        assertThat(built).containsExactly("first");
        assertThat(tabs.isBuilt(first)).isTrue();
        assertThat(tabs.isBuilt(second)).isFalse();
        assertThat(tabs.getComponent(first).getElement().getTextRecursively()).isEqualTo("first content");
        assertThat(tabs.getComponent(second).getElement().getTextRecursively()).isEmpty();

        tabs.setSelectedTab(second);
        tabs.setSelectedTab(first);
        tabs.setSelectedTab(second);
        assertThat(built).containsExactly("first", "second");
        assertThat(tabs.getComponent(second).getElement().getTextRecursively()).isEqualTo("second content");
    }
}
