package dev.cairn.app.tracking;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/** What the sender last learnt about MLflow: reachable or not. Shown as "MLflow not connected". */
@Component
class MlflowConnection {

    private final AtomicBoolean reachable = new AtomicBoolean(false);

    boolean reachable() {
        return reachable.get();
    }

    void markReachable(boolean value) {
        reachable.set(value);
    }
}
