package org.vigil.checks.exec;

import java.util.ArrayDeque;
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
 * plugins from one {@code epoll}: the thread that spawned a plugin registers its exit here (a pidfd) and goes on, and
 * this thread, when the plugin has exited, reads its output from the pipe in one go, reaps it and completes the run's
 * future. No thread waits per plugin, and a plugin that writes and exits costs one wake-up here, which also serves
 * whatever else ended meanwhile. The pipe itself is watched only when needed: for a plugin still running after
 * {@link #QUIET_NANOS} (its output then read as it comes, so an output larger than the pipe holds blocks it no longer
 * than that; while plugins run, this thread wakes at least that often to see to it), and for one whose output goes
 * on after its exit (a process it left behind holds the pipe).
 *
 * <p>Deadlines are kept in a heap, the earliest one being {@code epoll_wait}'s timeout; a registration only wakes
 * this thread (an eventfd) when its deadline is earlier than that, or when it sleeps without the quiet bound. At a
 * deadline the plugin's process group is killed here, and the slow part, {@link ProcessTree}'s search for what else
 * the run left behind, runs on a helper thread: the plugin is reaped only after it, so its pid cannot be reused while
 * it is searched for.
 */
final class PluginExits implements AutoCloseable {

    /** How a run ended: its exit status (as {@link NativeSpawn#reap}), and whether its deadline killed it. */
    record Ended(int exit, boolean fired) {
    }

    /** How long a plugin's output is left in its pipe, to be read at its end in one go. */
    static final long QUIET_NANOS = 50_000_000;
    /** How long after the last registration this thread keeps waking every {@link #QUIET_NANOS} (after, a
     * registration wakes it). */
    private static final long BUSY_NANOS = 60_000_000_000L;

    /** The eventfd's token; a run's are {@code id << 1} for its pipe and {@code id << 1 | 1} for its pidfd. */
    private static final long WAKE = 0;

    private final int epoll;
    private final int wake;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Queue<Run> incoming = new ConcurrentLinkedQueue<>();
    /** Runs whose kill on the helper is over. */
    private final Queue<Run> helped = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final ThreadPoolExecutor helper;
    /** The deadline this thread sleeps towards ({@link System#nanoTime()}); {@link Long#MIN_VALUE} while awake. */
    private volatile long wakeAt = Long.MIN_VALUE;
    private volatile boolean closed;
    /** Whether this thread sleeps without the {@link #QUIET_NANOS} bound: a registration must wake it. */
    private volatile boolean deepSleep;

    // this thread's own
    private final PriorityQueue<Run> deadlines = new PriorityQueue<>(Comparator.comparingLong(r -> r.deadline));
    /** Runs whose output waits for their exit, in the order they came. */
    private final ArrayDeque<Run> quiet = new ArrayDeque<>();
    private long lastTaken = System.nanoTime();
    private final long[] tokens = new long[64];
    private final byte[] buf = new byte[8192];
    private final long busyNanos;

    private PluginExits(int epoll, int wake, long busyNanos) {
        this.epoll = epoll;
        this.wake = wake;
        this.busyNanos = busyNanos;
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
        return openOrNull(BUSY_NANOS);
    }

    /** {@link #openOrNull()}, in deep sleep {@code busyNanos} after the last registration (for tests). */
    static PluginExits openOrNull(long busyNanos) {
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
        return new PluginExits(ep, ev, busyNanos);
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
        runs.put(r.id, r); // before close is looked at (the loop ends only once closed with no run left), and before
                           // its exit can be reported
        if (closed || NativeSpawn.watchExit(epoll, pidfd, pipe, r.id << 1 | 1) != 0) {
            runs.remove(r.id);
            NativeSpawn.close(pidfd);
            return null;
        }
        incoming.add(r); // its exit may have been seen already
        if (deadline < wakeAt || deepSleep) {
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
                deepSleep = false;
                take();
                long now = System.nanoTime();
                readAsItComes(now);
                long next = nextDeadline();
                boolean busy = !runs.isEmpty() || now - lastTaken < busyNanos;
                long until = busy && next - now > QUIET_NANOS ? now + QUIET_NANOS : next;
                wakeAt = until;
                deepSleep = !busy;
                if (!incoming.isEmpty() || !helped.isEmpty()) {
                    continue; // came while the deadline was worked out: it may be earlier
                }
                int n = NativeSpawn.epollWait(epoll, tokens, millisUntil(until));
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

    /** The output of the runs going for {@link #QUIET_NANOS} is read as it comes from now on. */
    private void readAsItComes(long now) {
        Run r;
        while ((r = quiet.peek()) != null && (r.ended || r.exited || now - r.start >= QUIET_NANOS)) {
            quiet.poll();
            if (!r.ended && !r.exited) {
                watchPipe(r);
            }
        }
    }

    private void watchPipe(Run r) {
        if (!r.eof && !r.pipeWatched) {
            r.pipeWatched = NativeSpawn.epollAdd(epoll, r.pipe, r.id << 1) == 0;
        }
    }

    /** New runs into the heap; the kills the helper finished. */
    private void take() {
        Run r;
        while ((r = incoming.poll()) != null) {
            lastTaken = r.start;
            if (!r.ended) { // a quick one's exit may have come first
                deadlines.add(r);
                quiet.add(r);
            }
        }
        while ((r = helped.poll()) != null) {
            r.helpers--;
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
        if ((token & 1) == 1) { // its pidfd: it exited, its output is in the pipe (unless something else holds it)
            if (r.exited) {
                return;
            }
            r.exited = true;
            NativeSpawn.epollDel(epoll, r.pidfd);
            NativeSpawn.close(r.pidfd);
            if (!r.eof && !readPipe(r)) {
                watchPipe(r);
            }
        } else if (!r.eof && !readPipe(r)) {
            return;
        }
        maybeEnd(r);
    }

    /**
     * Reads what the pipe holds (64 KB at most at a time, so that the others get their turn); true at its end (or an
     * error reading: either way nothing more comes), when it is closed.
     */
    private boolean readPipe(Run r) {
        for (int i = 0; i < 8; i++) {
            int n = NativeSpawn.read(r.pipe, buf, 0, buf.length);
            if (n > 0) {
                r.out.write(buf, 0, n);
            } else if (n == NativeSpawn.EAGAIN) {
                return false;
            } else {
                r.eof = true;
                if (r.pipeWatched) {
                    NativeSpawn.epollDel(epoll, r.pipe);
                }
                NativeSpawn.close(r.pipe);
                return true;
            }
        }
        return false;
    }

    /** Reaped and handed on once it exited, its output ended and no helper still works on it. */
    private void maybeEnd(Run r) {
        if (r.ended || !r.exited || !r.eof || r.helpers > 0) {
            return;
        }
        r.ended = true;
        runs.remove(r.id);
        if (!r.fired) {
            deadlines.remove(r); // the heap holds the runs going, not a minute of ended ones at 500 checks a second
        }
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
        final String tag;
        final long deadline;
        final CappedBuffer out;
        final CompletableFuture<Ended> done = new CompletableFuture<>();
        final int pidfd;
        final long start = System.nanoTime();
        boolean exited;
        boolean pipeWatched;
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
