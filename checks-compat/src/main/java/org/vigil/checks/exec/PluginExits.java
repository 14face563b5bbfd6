package org.vigil.checks.exec;

import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread that sees every running plugin of a {@link NativeRunner} to its end, as Nagios's workers serve all their
 * plugins from one {@code epoll}: the thread that spawned a plugin registers its pidfd and stdout pipe here and goes
 * on, and this thread reads the output as it comes (a large output never blocks the plugin), notices the exit, reaps
 * the plugin once both are over, and completes the run's future. No thread waits per plugin: at 500 checks a second
 * one wake-up here serves whatever has ended meanwhile.
 *
 * <p>Deadlines are kept in a heap, the earliest one being {@code epoll_wait}'s timeout; a registration only wakes
 * this thread (an eventfd) when its deadline is earlier than that. At a deadline the plugin's process group is killed
 * here, and the slow part, {@link ProcessTree}'s search for what else the run left behind, runs on a helper thread:
 * the plugin is reaped only after it, so its pid cannot be reused while it is searched for.
 */
final class PluginExits implements AutoCloseable {

    /** How a run ended: its exit status (as {@link NativeSpawn#reap}), and whether its deadline killed it. */
    record Ended(int exit, boolean fired) {
    }

    /** The eventfd's token; a run's are {@code id << 1} for its pipe and {@code id << 1 | 1} for its pidfd. */
    private static final long WAKE = 0;

    private final int epoll;
    private final int wake;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Queue<Run> incoming = new ConcurrentLinkedQueue<>();
    /** Runs whose task on the helper ended (a kill, or the wait for an exit no pidfd watches). */
    private final Queue<Run> helped = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final ThreadPoolExecutor helper;
    /** The deadline this thread sleeps towards ({@link System#nanoTime()}); {@link Long#MIN_VALUE} while awake. */
    private volatile long wakeAt = Long.MIN_VALUE;
    private volatile boolean closed;

    // this thread's own
    private final PriorityQueue<Run> deadlines = new PriorityQueue<>(Comparator.comparingLong(r -> r.deadline));
    private final long[] tokens = new long[64];
    private final byte[] buf = new byte[8192];

    private PluginExits(int epoll, int wake) {
        this.epoll = epoll;
        this.wake = wake;
        this.helper = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vigil-plugin-kill");
            t.setDaemon(true);
            return t;
        });
        helper.allowCoreThreadTimeOut(true);
        Thread t = new Thread(this::loop, "vigil-plugin-exits");
        t.setDaemon(true);
        t.start();
    }

    /** A running watcher, or null where this kernel gives no pidfd or epoll (the runner then waits per plugin). */
    static PluginExits openOrNull() {
        int probe = NativeSpawn.pidfdOpen((int) ProcessHandle.current().pid());
        if (probe < 0) {
            return null;
        }
        NativeSpawn.close(probe);
        int ep = NativeSpawn.epollCreate();
        if (ep < 0) {
            return null;
        }
        int ev = NativeSpawn.eventfdCreate();
        if (ev < 0 || NativeSpawn.epollAdd(ep, ev, WAKE) != 0) {
            if (ev >= 0) {
                NativeSpawn.close(ev);
            }
            NativeSpawn.close(ep);
            return null;
        }
        return new PluginExits(ep, ev);
    }

    /**
     * Sees the spawned plugin {@code pid}, whose stdout is {@code pipe}, to its end: its output into {@code out},
     * killed at {@code deadline} ({@link System#nanoTime()}; {@link Long#MAX_VALUE}: none) with every process tagged
     * {@code tag}, reaped, {@code pipe} closed. Never blocks. Null, with nothing taken over, when no pidfd could be
     * had for it or this watcher is closed: the caller then finishes the run itself.
     */
    CompletableFuture<Ended> watch(int pid, int pipe, String tag, long deadline, CappedBuffer out) {
        int pidfd = NativeSpawn.pidfdOpen(pid);
        if (pidfd < 0) {
            return null;
        }
        Run r = new Run(ids.incrementAndGet(), pid, pipe, pidfd, tag, deadline, out);
        runs.put(r.id, r); // before close is looked at: the loop ends only once closed with no run left
        if (closed || NativeSpawn.epollAdd(epoll, pipe, r.id << 1) != 0) {
            runs.remove(r.id);
            NativeSpawn.close(pidfd);
            return null;
        }
        if (NativeSpawn.epollAdd(epoll, pidfd, r.id << 1 | 1) != 0) { // out of watches: a helper waits for the exit
            NativeSpawn.close(pidfd);
            r.exitUnwatched = true;
        }
        incoming.add(r);
        if (deadline < wakeAt || r.exitUnwatched) {
            NativeSpawn.eventfdSignal(wake, false);
        }
        return r.done;
    }

    /** Plugins being watched (for tests). */
    int running() {
        return runs.size();
    }

    /** Takes no more runs; the thread ends once those it has are over. */
    @Override
    public void close() {
        closed = true;
        NativeSpawn.eventfdSignal(wake, false);
    }

    private void loop() {
        try {
            while (!(closed && runs.isEmpty())) {
                wakeAt = Long.MIN_VALUE;
                take();
                long next = nextDeadline();
                wakeAt = next;
                if (!incoming.isEmpty() || !helped.isEmpty()) {
                    continue; // came while the deadline was worked out: it may be earlier
                }
                int n = NativeSpawn.epollWait(epoll, tokens, millisUntil(next));
                wakeAt = Long.MIN_VALUE;
                try {
                    for (int i = 0; i < n; i++) {
                        event(tokens[i]);
                    }
                    expire();
                } catch (RuntimeException e) { // nothing here throws; should it, the other runs still end
                    System.err.println("vigil: the plugin exit watcher: " + e);
                }
            }
        } finally {
            NativeSpawn.close(wake);
            NativeSpawn.close(epoll);
            helper.shutdown();
        }
    }

    /** New runs into the heap; what the helper finished. */
    private void take() {
        Run r;
        while ((r = incoming.poll()) != null) {
            deadlines.add(r);
            if (r.exitUnwatched) {
                Run run = r;
                help(run, () -> {
                    NativeSpawn.awaitExit(run.pid);
                    run.exitSeen = true;
                });
            }
        }
        while ((r = helped.poll()) != null) {
            r.helpers--;
            if (r.exitSeen) {
                r.exited = true;
            }
            maybeEnd(r);
        }
    }

    private void help(Run r, Runnable task) {
        r.helpers++;
        helper.execute(() -> {
            try {
                task.run();
            } finally {
                helped.add(r);
                NativeSpawn.eventfdSignal(wake, false);
            }
        });
    }

    private void event(long token) {
        if (token == WAKE) {
            NativeSpawn.eventfdSignal(wake, true);
            return;
        }
        Run r = runs.get(token >>> 1);
        if (r == null || r.ended) {
            return;
        }
        if ((token & 1) == 1) {
            if (!r.exited) {
                r.exited = true;
                NativeSpawn.epollDel(epoll, r.pidfd);
                NativeSpawn.close(r.pidfd);
            }
        } else if (!r.eof) {
            int n = NativeSpawn.read(r.pipe, buf, 0, buf.length);
            if (n > 0) {
                r.out.write(buf, 0, n);
                return;
            }
            r.eof = true; // the end, or an error reading: either way nothing more comes
            NativeSpawn.epollDel(epoll, r.pipe);
            NativeSpawn.close(r.pipe);
        }
        maybeEnd(r);
    }

    /** Reaped and handed on once it exited, its output ended and no helper still works on it. */
    private void maybeEnd(Run r) {
        if (r.ended || !r.exited || !r.eof || r.helpers > 0) {
            return;
        }
        r.ended = true;
        runs.remove(r.id);
        r.done.complete(new Ended(NativeSpawn.reap(r.pid), r.fired));
    }

    private long nextDeadline() {
        Run r;
        while ((r = deadlines.peek()) != null && (r.ended || r.fired)) {
            deadlines.poll();
        }
        return r == null ? Long.MAX_VALUE : r.deadline;
    }

    /** Kills what is past its deadline: the group here, the rest of its tree on the helper. */
    private void expire() {
        long now = System.nanoTime();
        Run r;
        while ((r = deadlines.peek()) != null && (r.ended || r.fired || r.deadline - now <= 0)) {
            deadlines.poll();
            if (!r.ended && !r.fired) {
                r.fired = true;
                String pipe = r.eof ? null : ProcessTree.ownPipe(r.pipe);
                NativeSpawn.killGroup(r.pid);
                Run run = r;
                help(run, () -> ProcessTree.kill(run.pid, run.tag, pipe));
            }
        }
    }

    private static int millisUntil(long deadline) {
        if (deadline == Long.MAX_VALUE) {
            return -1;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
    }

    /** One plugin being watched; the plain fields are the watcher thread's. */
    private static final class Run {
        final long id;
        final int pid;
        final int pipe;
        final int pidfd;
        final String tag;
        final long deadline;
        final CappedBuffer out;
        final CompletableFuture<Ended> done = new CompletableFuture<>();
        volatile boolean exitUnwatched;
        volatile boolean exitSeen;
        boolean exited;
        boolean eof;
        boolean fired;
        boolean ended;
        int helpers;

        Run(long id, int pid, int pipe, int pidfd, String tag, long deadline, CappedBuffer out) {
            this.id = id;
            this.pid = pid;
            this.pipe = pipe;
            this.pidfd = pidfd;
            this.tag = tag;
            this.deadline = deadline;
            this.out = out;
        }
    }
}
