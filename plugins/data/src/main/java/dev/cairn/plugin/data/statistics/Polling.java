package dev.cairn.plugin.data.statistics;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.shared.Registration;

/**
 * The UI's polling shared by everything on a page that waits for a profiling job (a history with
 * several versions being profiled has several): the UI polls while at least one still waits, and
 * stops when the last one stopped, not when the first did.
 */
final class Polling {

    static final int INTERVAL_MILLIS = 1000;
    private static final String WAITING = Polling.class.getName() + ".waiting";

    private Polling() {
    }

    /** Starts polling for one more waiter; remove the registration to stop. */
    static Registration start(UI ui, ComponentEventListener<PollEvent> listener) {
        Registration poll = ui.addPollListener(listener);
        ComponentUtil.setData(ui, WAITING, waiting(ui) + 1);
        ui.setPollInterval(INTERVAL_MILLIS);
        boolean[] removed = {false};
        return () -> {
            if (removed[0]) {
                return;
            }
            removed[0] = true;
            poll.remove();
            int left = Math.max(0, waiting(ui) - 1);
            ComponentUtil.setData(ui, WAITING, left);
            if (left == 0) {
                ui.setPollInterval(-1);
            }
        };
    }

    private static int waiting(UI ui) {
        Object count = ComponentUtil.getData(ui, WAITING);
        return count instanceof Integer n ? n : 0;
    }
}
