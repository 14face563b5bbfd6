package org.vigil.worker.pool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.worker.run.JobLoop;

/**
 * The job loops serving one gearmand, each on its own thread, kept within {@link PoolLimits} as mod_gearman's worker
 * keeps its processes: {@link #tick} (once a second) ends loops idle past the idle timeout down to the minimum and
 * adds loops by the spawn rate while nearly all are busy.
 */
final class LoopPool {

    private final PoolLimits limits;
    private final Supplier<JobLoop> newLoop;
    private final ServerOutage outage;
    private final Consumer<String> log;
    private final String name;
    private final List<Member> members = new ArrayList<>();
    /** Loops asked to end that may still be finishing a job. */
    private final List<Member> leaving = new ArrayList<>();
    private int started;

    private record Member(ReconnectingLoop runner, Thread thread) {
    }

    LoopPool(PoolLimits limits, Supplier<JobLoop> newLoop, ServerOutage outage, Consumer<String> log, String name) {
        this.limits = limits;
        this.newLoop = newLoop;
        this.outage = outage;
        this.log = log;
        this.name = name;
    }

    /** Starts the minimum number of loops. */
    synchronized void start() {
        addUpTo(limits.min());
    }

    /** Ends idle loops above the minimum, then grows the pool when nearly every loop is busy. */
    synchronized void tick() {
        members.removeIf(m -> !m.thread().isAlive());
        leaving.removeIf(m -> !m.thread().isAlive());
        if (!limits.idleTimeout().isZero()) {
            Iterator<Member> it = members.iterator();
            while (it.hasNext() && members.size() > limits.min()) {
                Member m = it.next();
                if (m.runner().loop().idle().compareTo(limits.idleTimeout()) >= 0) {
                    m.runner().stop();
                    it.remove();
                    leaving.add(m);
                }
            }
        }
        int busy = (int) members.stream().filter(m -> m.runner().loop().busy()).count();
        addUpTo(limits.target(members.size(), busy));
    }

    synchronized int size() {
        return members.size();
    }

    /** Stops every loop and waits until each has finished the job it runs. */
    void close() throws InterruptedException {
        List<Member> all;
        synchronized (this) {
            all = new ArrayList<>(members);
            all.addAll(leaving);
            members.clear();
            leaving.clear();
        }
        all.forEach(m -> m.runner().stop());
        for (Member m : all) {
            m.thread().join();
        }
    }

    private void addUpTo(int target) {
        while (members.size() < target) {
            ReconnectingLoop runner = new ReconnectingLoop(newLoop.get(), outage, log);
            Thread thread = new Thread(runner, name + "-" + (++started));
            thread.start();
            members.add(new Member(runner, thread));
        }
    }
}
