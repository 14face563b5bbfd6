package org.vigil.engine.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the command file hands its lines: to the current engine's commands, or, while a reload swaps engines,
 * into a queue that the new engine receives in order. A command is never applied to an engine whose state was
 * already handed over.
 */
public final class CommandGate implements Consumer<String> {

    private final List<String> held = new ArrayList<>();
    private Consumer<String> target;
    private boolean holding;

    public CommandGate(Consumer<String> target) {
        this.target = target;
    }

    @Override
    public synchronized void accept(String line) {
        if (holding) {
            held.add(line);
        } else {
            target.accept(line);
        }
    }

    /** Queues lines from now on (call before the old engine hands over its state). */
    public synchronized void hold() {
        holding = true;
    }

    /** Sends the queued lines, then every later one, to {@code next}. */
    public synchronized void open(Consumer<String> next) {
        target = next;
        holding = false;
        held.forEach(next);
        held.clear();
    }
}
