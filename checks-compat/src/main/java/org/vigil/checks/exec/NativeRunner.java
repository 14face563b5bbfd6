package org.vigil.checks.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.vigil.checks.command.CommandLine;
import org.vigil.config.main.DaemonUser;

/**
 * The default runner on Linux: plugins started with {@code vfork} and {@code execvpe} through a small JNI library
 * ({@link NativeSpawn}) instead of {@link ProcessBuilder}, each in its own process group as Nagios's workers start
 * them (or its own session with {@link RunnerOptions#setsid()}), on the calling thread; one thread for all of this
 * runner's plugins ({@link PluginExits}) reads their stdout, waits for their exits and reaps them: no JDK reaper
 * thread per child, no thread waiting per plugin, no scan of the JVM's descriptors in the child ({@code close_range}),
 * no {@code /proc} read per run. Stderr, timeouts and results are as {@link DirectRunner}'s:
 * at the deadline the process group is killed, then whatever {@link ProcessTree} still finds of the run.
 *
 * <p>Only when {@link #available()}; {@link PluginRunners} falls back to {@link DirectRunner} otherwise.
 */
public final class NativeRunner implements PluginRunner, AutoCloseable {

    private static final Charset JNU = jnuCharset();

    private final RunnerOptions options;
    private final TimeoutReaper reaper = new TimeoutReaper();
    private final RunTags tags = new RunTags();
    /** Scratch files for stderr not in use by a run. */
    private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<byte[]> readBuffers = ThreadLocal.withInitial(() -> new byte[8192]);
    private volatile PluginExits exits;
    private volatile boolean exitsUnavailable;
    private boolean closed; // guarded by this
    /** This JVM's environment, NUL-terminated entries, and its names (to see when an addition replaces one). */
    private final byte[] baseEnvironment;
    private final Map<String, String> base;
    /** {@link #baseEnvironment} followed by {@code VIGIL_PLUGIN_RUN=}, waiting for a run's tag. */
    private final byte[] taggedEnvironment;

    public NativeRunner(RunnerOptions options) {
        this(options, true);
    }

    /** With {@code watchExits} false, every run is finished as where pidfds are missing (for tests). */
    NativeRunner(RunnerOptions options, boolean watchExits) {
        this.exitsUnavailable = !watchExits;
        if (!available()) {
            throw new IllegalStateException("the native plugin spawner is " + NativeSpawn.whyUnavailable());
        }
        this.options = options;
        this.base = System.getenv();
        this.baseEnvironment = block(base, Map.of(), null);
        byte[] name = (ProcessTree.TAG + "=").getBytes(JNU);
        this.taggedEnvironment = Arrays.copyOf(baseEnvironment, baseEnvironment.length + name.length);
        System.arraycopy(name, 0, taggedEnvironment, baseEnvironment.length, name.length);
    }

    /** Whether this runner can be used here (Linux, and the library was built and loads). */
    public static boolean available() {
        return NativeSpawn.available();
    }

    /** Why it cannot (null when it can). */
    public static String whyUnavailable() {
        return NativeSpawn.whyUnavailable();
    }

    /**
     * The plugin spawned on the calling thread and seen to its end by {@link PluginExits}'s thread: the caller does
     * not wait (the check clock starts plugins itself, no pool thread woken per check). Only where the spawn would
     * wait for a fork permit, or no pidfd can be had, is the run left to a thread that may wait.
     */
    @Override
    public Begun<PluginResult> begin(CommandLine line, Map<String, String> environment, Duration timeout) {
        if (!ForkCap.tryAcquire()) { // other threads are forking: a pool thread waits its turn, not the caller
            return new Begun.Blocking<>(() -> run(line, environment, timeout));
        }
        return beginHolding(line, environment, timeout);
    }

    @Override
    public PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout) {
        ForkCap.acquire(); // forking is the CPU-heavy part: a few at a time
        Begun<PluginResult> begun = beginHolding(line, environment, timeout);
        return begun instanceof Begun.Started<PluginResult> started ? started.stage().toCompletableFuture().join()
                : ((Begun.Blocking<PluginResult>) begun).run().get();
    }

    /** Spawns with a fork permit held, which goes back once the child has exec'd (or failed to). */
    private Begun<PluginResult> beginHolding(CommandLine line, Map<String, String> environment, Duration timeout) {
        Instant start = options.clock().instant();
        long spawned;
        Scratch s;
        String tag;
        ExecPlan plan;
        try {
            // a session, when wanted, is a spawn flag here, and so is the user; a failed exec is the spawner's to
            // report (the child's errno, as Nagios's child reports execvp's)
            plan = ExecPlan.unchecked(line);
            if (plan.execFailure().isPresent()) {
                return done(plan.execFailure().get().result(start, options.clock().instant()));
            }
            tag = options.tagEnvironment() ? tags.next() : null;
            byte[] envp = environment.isEmpty() && tag == null ? baseEnvironment : environment(environment, tag);
            s = scratch();
            spawned = spawn(plan, envp, s.nativePath());
        } finally {
            ForkCap.release();
        }
        if (spawned < 0) {
            if (s.file() != null) {
                scratches.add(s);
            }
            return done(spawnFailed(plan.argv().get(0), (int) -spawned, start));
        }
        int pid = (int) (spawned >>> 32);
        int fd = (int) spawned;
        CappedBuffer out = new CappedBuffer(options.outputLimit());
        long nanos = Math.max(1, timeout.toNanos());
        long now = System.nanoTime();
        long deadline = nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
        PluginExits watcher = exits();
        CompletableFuture<PluginExits.Ended> ended = watcher == null ? null
                : watcher.watch(pid, fd, tag, deadline, out);
        if (ended == null) { // no pidfd (a kernel before 5.3, a sandbox): a thread reads and waits, as before
            return new Begun.Blocking<>(() -> result(finishWithReaper(pid, fd, tag, timeout, out), out, s, start));
        }
        return new Begun.Started<>(ended.thenApply(e -> result(e, out, s, start)));
    }

    private static Begun<PluginResult> done(PluginResult result) {
        return new Begun.Started<>(CompletableFuture.completedFuture(result));
    }

    /** The result of a run that ended: stdout, stderr from the run's scratch file (which is then free again). */
    private PluginResult result(PluginExits.Ended ended, CappedBuffer out, Scratch s, Instant start) {
        String stdout = out.text();
        CappedBuffer err = new CappedBuffer(options.outputLimit());
        if (s.file() != null) {
            s.file().collect(stdout.isEmpty() ? err : null);
            scratches.add(s);
        }
        return new PluginResult(ended.exit(), stdout, err.text(), start, options.clock().instant(), ended.fired(),
                out.truncated() || err.truncated(), null);
    }

    /** The watcher of this runner's plugins, started with the first run; null where pidfds are missing. */
    private PluginExits exits() {
        PluginExits w = exits;
        if (w != null || exitsUnavailable) {
            return w;
        }
        synchronized (this) {
            if (exits == null && !exitsUnavailable && !closed) {
                exits = PluginExits.openOrNull();
                exitsUnavailable = exits == null;
            }
            return exits;
        }
    }

    /** A scratch file for one run's stderr, not shared with any other run while it goes. */
    private Scratch scratch() {
        Scratch s = scratches.poll();
        return s != null ? s : Scratch.create();
    }

    /** Stdout read and the exit waited for by separate calls, the deadline on the {@link TimeoutReaper}'s thread. */
    private PluginExits.Ended finishWithReaper(int pid, int fd, String tag, Duration timeout, CappedBuffer out) {
        TimeoutReaper.Deadline deadline = reaper.arm(timeout, () -> ProcessTree.ownPipe(fd),
                pipe -> {
                    NativeSpawn.killGroup(pid);
                    ProcessTree.kill(pid, tag, pipe);
                });
        byte[] buf = readBuffers.get();
        try {
            int n;
            while ((n = NativeSpawn.read(fd, buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            NativeSpawn.awaitExit(pid); // exited but not reaped: the deadline cannot hit a reused pid
        } finally {
            deadline.cancel();
            NativeSpawn.close(fd);
        }
        return new PluginExits.Ended(NativeSpawn.reap(pid), deadline.fired());
    }

    /** vfork and exec, as this user or, to start the command as another user, with the ids set in the child. */
    private long spawn(ExecPlan plan, byte[] envp, byte[] stderrPath) {
        DaemonUser user = options.user();
        if (user == null) {
            return NativeSpawn.spawn(argv(plan), envp, stderrPath, options.setsid() != null);
        }
        return NativeSpawn.spawnAs(argv(plan), envp, stderrPath, options.setsid() != null, user.uid(), user.gid(),
                user.groups().stream().mapToInt(Integer::intValue).toArray());
    }

    /** As Nagios's child reports a failed execvp: exit status = errno, and its text on stderr. */
    private PluginResult spawnFailed(String program, int errno, Instant start) {
        return ExecPlan.PluginFailure.execvp(program, errno, NativeSpawn.strerror(errno))
                .result(start, options.clock().instant());
    }

    private static byte[] argv(ExecPlan plan) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (String a : plan.argv()) {
            byte[] bytes = a.getBytes(JNU);
            b.write(bytes, 0, bytes.length);
            b.write(0);
        }
        return b.toByteArray();
    }

    /** This JVM's environment with {@code additions} (and the run's tag) put over it. */
    private byte[] environment(Map<String, String> additions, String tag) {
        if (additions.isEmpty() && tag != null && !base.containsKey(ProcessTree.TAG)) {
            // the default (a tag, no NAGIOS_* macros): the block made once, the tag's digits after it
            byte[] all = Arrays.copyOf(taggedEnvironment, taggedEnvironment.length + tag.length() + 1);
            for (int i = 0; i < tag.length(); i++) {
                all[taggedEnvironment.length + i] = (byte) tag.charAt(i); // digits, '-' and hex: ASCII
            }
            return all; // the last byte is the entry's NUL
        }
        boolean replaces = false;
        for (String name : additions.keySet()) {
            if (base.containsKey(name)) {
                replaces = true;
                break;
            }
        }
        if (!replaces && !base.containsKey(ProcessTree.TAG)) {
            // the common case: only new names, appended to the block made once
            byte[] extra = block(Map.of(), additions, tag);
            byte[] all = new byte[baseEnvironment.length + extra.length];
            System.arraycopy(baseEnvironment, 0, all, 0, baseEnvironment.length);
            System.arraycopy(extra, 0, all, baseEnvironment.length, extra.length);
            return all;
        }
        return block(base, additions, tag);
    }

    private static byte[] block(Map<String, String> base, Map<String, String> additions, String tag) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(4096);
        for (Map.Entry<String, String> e : base.entrySet()) {
            if (!additions.containsKey(e.getKey()) && !(tag != null && e.getKey().equals(ProcessTree.TAG))) {
                entry(b, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : additions.entrySet()) {
            if (!(tag != null && e.getKey().equals(ProcessTree.TAG))) {
                entry(b, e.getKey(), e.getValue());
            }
        }
        if (tag != null) {
            entry(b, ProcessTree.TAG, tag);
        }
        return b.toByteArray();
    }

    private static void entry(ByteArrayOutputStream b, String name, String value) {
        byte[] bytes = (name + "=" + value).getBytes(JNU);
        b.write(bytes, 0, bytes.length);
        b.write(0);
    }

    /** A run's stderr file (null: none could be made), with its path as the spawner takes it. */
    private record Scratch(StderrFile file, byte[] nativePath) {
        static Scratch create() {
            StderrFile f = StderrFile.createOrNull();
            return new Scratch(f, f == null ? null : nulTerminated(f.path().toString()));
        }
    }

    private static byte[] nulTerminated(String s) {
        byte[] bytes = s.getBytes(JNU);
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        return out;
    }

    /** The charset the JDK itself uses for command lines and file names. */
    private static Charset jnuCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void close() {
        reaper.close();
        synchronized (this) {
            closed = true;
            if (exits != null) {
                exits.close();
            }
        }
    }
}
