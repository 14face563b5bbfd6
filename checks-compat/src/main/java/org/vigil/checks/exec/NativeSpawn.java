package org.vigil.checks.exec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The JNI side of {@link NativeRunner} ({@code src/main/c/vigilspawn.c}, compiled by the build where gcc and the
 * JDK's {@code jni.h} are present). Every call returns a negative errno on failure; none throws.
 */
final class NativeSpawn {

    /** Where the build puts the library for this platform, beside this class. */
    static final String RESOURCE = "native/linux-" + System.getProperty("os.arch", "unknown") + "/libvigilspawn.so";

    private static final String UNAVAILABLE = load();

    private NativeSpawn() {
    }

    /** Whether the library is loaded. */
    static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why the library is not loaded (null when it is). */
    static String whyUnavailable() {
        return UNAVAILABLE;
    }

    private static String load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "not Linux";
        }
        URL url = NativeSpawn.class.getResource(RESOURCE);
        if (url == null) {
            return "not built for this platform (" + RESOURCE + " is missing: gcc or the JDK's jni.h was not there "
                    + "when Vigil was built)";
        }
        try {
            if ("file".equals(url.getProtocol())) {
                System.load(Paths.get(url.toURI()).toAbsolutePath().toString());
                return null;
            }
            // inside the jar: a private copy (random name, owner-only), since a shared library is loaded from a
            // file; removed once loaded (the mapping stays), so not even a kill -9 leaves it behind
            Path lib = Files.createTempFile("vigilspawn-", ".so");
            try {
                try (InputStream in = url.openStream()) {
                    Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
                }
                System.load(lib.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(lib);
            }
            return null;
        } catch (IOException | java.net.URISyntaxException | LinkageError | SecurityException e) {
            return "could not be loaded: " + e.getMessage();
        }
    }

    /**
     * Starts {@code argv} with environment {@code envp} (both blocks of NUL-terminated strings), stdin from
     * /dev/null, stdout into a new pipe, stderr appended to {@code stderrPath} (NUL-terminated; null: discarded),
     * no other descriptor inherited, in a new session or else a new process group.
     *
     * @return {@code (pid << 32) | fd} of the pipe's read end, or -errno
     */
    static native long spawn(byte[] argv, byte[] envp, byte[] stderrPath, boolean newSession);

    /**
     * {@link #spawn} as user {@code uid} with group {@code gid} and the supplementary {@code groups} (the JVM must
     * be root): vfork, then the ids set in the child before it execs, which posix_spawn cannot do.
     *
     * @return {@code (pid << 32) | fd} of the pipe's read end, or -errno
     */
    static native long spawnAs(byte[] argv, byte[] envp, byte[] stderrPath, boolean newSession, int uid, int gid,
                               int[] groups);

    /** Reads into {@code buf}: the count, 0 at the end, or -errno. */
    static native int read(int fd, byte[] buf, int off, int len);

    static native void close(int fd);

    /** Waits until {@code pid} has exited, leaving it unreaped (its pid and group cannot be reused yet). */
    static native int awaitExit(int pid);

    /** Reaps {@code pid}: its exit status, or 128 + the signal that killed it, or -errno. */
    static native int reap(int pid);

    /** What a non-blocking {@link #read} gives while the pipe is empty. */
    static final int EAGAIN = -11;

    /** SIGKILL to every process of group {@code pgid}: 0 or -errno. */
    static native int killGroup(int pgid);

    static native String strerror(int errno);

    /** A pidfd for {@code pid} (Linux 5.3), or -errno. */
    static native int pidfdOpen(int pid);

    /** A new epoll instance, or -errno. */
    static native int epollCreate();

    /** Watches {@code fd} for input in {@code ep}, reported as {@code token}: 0 or -errno. */
    static native int epollAdd(int ep, int fd, long token);

    /**
     * Watches a spawned plugin's exit in {@code ep} (its {@code pidfd}, reported as {@code token}), its stdout
     * {@code pipe} made non-blocking ({@link #read} then gives {@link #EAGAIN} when it is empty): 0, or -errno with
     * nothing changed.
     */
    static native int watchExit(int ep, int pidfd, int pipe, long token);

    /** Stops watching {@code fd}: 0 or -errno. */
    static native int epollDel(int ep, int fd);

    /** Waits up to {@code millis} (-1: no limit) and puts the ready tokens in {@code tokens}: their count or -errno. */
    static native int epollWait(int ep, long[] tokens, int millis);

    /** A non-blocking eventfd, or -errno. */
    static native int eventfdCreate();

    /** Wakes whoever watches the eventfd {@code fd}; with {@code drain}, reads it back to zero instead. */
    static native void eventfdSignal(int fd, boolean drain);
}
