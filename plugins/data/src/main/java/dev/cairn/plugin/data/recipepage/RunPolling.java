package dev.cairn.plugin.data.recipepage;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * The UI's polling for the recipe page's waiters (the runs list, an open editor following its fit): the UI polls while
 * at least one waits and stops when the last one stopped.
 */
final class RunPolling {

    static final int INTERVAL_MILLIS = 1000;
    private static final String WAITING = RunPolling.class.getName() + ".waiting";

    private RunPolling() {
    }

    static Registration start(UI ui, Runnable tick) {
        Registration poll = ui.addPollListener(event -> tick.run());
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
