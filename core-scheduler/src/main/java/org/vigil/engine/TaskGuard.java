package org.vigil.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the engine thread's tasks so that one that throws, an Error such as StackOverflowError included, costs only
 * itself: the failure is logged as one error line naming the task's kind and the cause, without a stack trace, and
 * the thread goes on with the next task. Left uncaught, it ended the thread's worker (the executor started another,
 * after the JVM printed the stack trace to standard error) and left callers waiting on a result that never came.
 * Each kind and cause type is logged once, so a periodic task that keeps failing does not flood the log.
 */
final class TaskGuard {

    private static final int MAX_CAUSE = 300;

    private final Consumer<String> log;
    /** The kinds and cause types already logged; both come from finite sets, so this stays small. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    TaskGuard(Consumer<String> log) {
        this.log = log;
    }

    /** {@code task} run under this guard, {@code kind} naming it in the log (e.g. "external command"). */
    Runnable guard(String kind, Runnable task) {
        return () -> run(kind, task);
    }

    private void run(String kind, Runnable task) {
        try {
            task.run();
        } catch (Throwable t) { // NOPMD: one task's Error must not take the engine thread down with it
            if (logged.add(kind + '\n' + t.getClass().getName())) {
                log.accept("Error: engine task '" + kind + "' failed and was abandoned: " + cause(t)
                        + "; the engine goes on (this is a bug: please report it; further failures of this kind"
                        + " are not logged)");
            }
        }
    }

    /** A kind for a task queued without one: the simple name of the class whose code made it. */
    static String kindOf(Runnable task) {
        String name = task.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        name = lambda < 0 ? name : name.substring(0, lambda);
        return "task of " + name.substring(name.lastIndexOf('.') + 1);
    }

    /** The type and the first line of the message, shortened. */
    private static String cause(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        return t.getClass().getSimpleName() + ": " + (m.length() > MAX_CAUSE ? m.substring(0, MAX_CAUSE) + "..." : m);
    }
}
