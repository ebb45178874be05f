package dev.cairn.api.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * The UI's polling, shared by everything on a page that waits for background work (a job's progress): the UI polls
 * while at least one waiter is left and stops when the last one stopped, not when the first did. One count per UI
 * for every stage page, so that a page which waits for two things (a profile and a recipe run) never has one of them
 * switch the other's polling off.
 */
public final class WaitingPoll {

    /** How often a waiting page asks the server again. */
    public static final int INTERVAL_MILLIS = 1000;
    private static final String WAITING = WaitingPoll.class.getName() + ".waiting";

    private WaitingPoll() {
    }

    /** Starts polling for one more waiter, {@code tick} running on each poll; remove the registration (once or more) to stop. */
    public static Registration start(UI ui, Runnable tick) {
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
