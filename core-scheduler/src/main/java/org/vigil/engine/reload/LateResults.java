package org.vigil.engine.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.engine.exec.CarriedResult;

/**
 * Results of checks the old engine was running at a reload: held until the new engine has restored the state
 * (a result applied before that would be overwritten by the snapshot), then passed on in arrival order.
 */
public final class LateResults implements Consumer<CarriedResult> {

    private final List<CarriedResult> waiting = new ArrayList<>();
    private Consumer<CarriedResult> target;

    @Override
    public synchronized void accept(CarriedResult r) {
        if (target == null) {
            waiting.add(r);
        } else {
            target.accept(r);
        }
    }

    /** From now on results go to {@code next}; those held so far go first. */
    public synchronized void attach(Consumer<CarriedResult> next) {
        waiting.forEach(next);
        waiting.clear();
        target = next;
    }
}
