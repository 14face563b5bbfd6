package org.vigil.checks.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Kills a plugin and everything it started, as Nagios kills the process group of a timed-out check. Java cannot put
 * a child in its own process group, so the tree is found three ways: the live descendants; on Linux, every process
 * carrying the run's {@link #TAG} environment variable (inherited by children, and still there once they are
 * orphaned and reparented, as Jenkins finds a build's processes); and, for plugins started through
 * {@code setsid}, every process of their session. Last, anything still holding the plugin's stdout pipe is killed,
 * whatever its environment or session: it would keep the runner waiting for the end of the output.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    /** The environment variable that marks every process of one plugin run. */
    static final String TAG = "VIGIL_PLUGIN_RUN";

    private ProcessTree() {
    }

    /**
     * Kills the tree rooted at {@code root}, and the processes tagged {@code TAG=tag} (null: no tag); repeats a few
     * times to catch processes forked meanwhile.
     */
    static void kill(ProcessHandle root, String tag, String stdoutPipe) {
        kill(root.pid(), tag, stdoutPipe);
    }

    /**
     * As {@link #kill(ProcessHandle, String, String)} for the process {@code rootPid}, which may already be gone;
     * processes of the session or process group {@code rootPid} leads are found too.
     */
    static void kill(long rootPid, String tag, String stdoutPipe) {
        for (int round = 0; round < 5; round++) {
            Set<Long> pids = new HashSet<>();
            pids.add(rootPid);
            ProcessHandle.of(rootPid).ifPresent(root -> root.descendants().forEach(p -> pids.add(p.pid())));
            pids.addAll(scan(rootPid, tag == null ? null : (TAG + "=" + tag).getBytes(StandardCharsets.UTF_8)));
            boolean any = false;
            for (long pid : pids) {
                any |= ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            }
            if (!any) {
                break;
            }
        }
        if (stdoutPipe != null) {
            for (long pid : pipeHolders(stdoutPipe)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * The pipe the plugin's stdout goes to ({@code pipe:[1234]}), or null. Read from this JVM's own end of it
     * when the JDK lets us see that descriptor (the launcher opens {@code java.base/java.io}): that needs nothing
     * of the child, which may already be gone with a detached process still holding the pipe. Otherwise read from
     * the child's fd 1, which only works while it lives.
     */
    static String stdoutPipe(Process process) {
        String own = ownEnd(process.getInputStream());
        return own != null ? own : stdoutPipe(process.pid());
    }

    private static final java.lang.reflect.Field FILTERED = accessible(java.io.FilterInputStream.class, "in");
    private static final java.lang.reflect.Field FD = accessible(java.io.FileDescriptor.class, "fd");

    private static java.lang.reflect.Field accessible(Class<?> type, String name) {
        try {
            java.lang.reflect.Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.base/java.io not opened to us: fall back to the child's side
        }
    }

    /** {@code pipe:[N]} of the descriptor under {@code in}, this JVM's read end, or null. */
    static String ownEnd(java.io.InputStream in) {
        if (FILTERED == null || FD == null) {
            return null;
        }
        try {
            java.io.InputStream s = in;
            while (s instanceof java.io.FilterInputStream) {
                s = (java.io.InputStream) FILTERED.get(s);
            }
            if (!(s instanceof java.io.FileInputStream f)) {
                return null;
            }
            int fd = FD.getInt(f.getFD());
            String link = Files.readSymbolicLink(PROC.resolve("self").resolve("fd").resolve(Integer.toString(fd)))
                    .toString();
            return link.startsWith("pipe:") ? link : null;
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** What this JVM's descriptor {@code fd} is ({@code pipe:[1234]}), or null. */
    static String ownPipe(int fd) {
        return stdoutPipe(PROC.resolve("self").resolve("fd").resolve(Integer.toString(fd)));
    }

    /** What /proc says fd 1 of {@code pid} is ({@code pipe:[1234]}), or null; read just after the start. */
    static String stdoutPipe(long pid) {
        return stdoutPipe(PROC.resolve(Long.toString(pid)).resolve("fd").resolve("1"));
    }

    private static String stdoutPipe(Path fdLink) {
        try {
            String link = Files.readSymbolicLink(fdLink).toString();
            return link.startsWith("pipe:") ? link : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The processes other than this JVM with a descriptor on {@code pipe}. */
    /**
     * The processes other than this one that hold {@code pipe}'s write end. Not its read end: a child this JVM is
     * spawning holds a copy of the JVM's descriptors, read ends of other runs' pipes included, until its exec closes
     * them; killing it for that killed an unrelated check (exit 137) while another run timed out.
     */
    static Set<Long> pipeHolders(String pipe) {
        Set<Long> out = new HashSet<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path d : dirs) {
                long pid = Long.parseLong(d.getFileName().toString());
                if (pid != self && holds(d.resolve("fd"), pipe)) {
                    out.add(pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
        return out;
    }

    private static boolean holds(Path fdDir, String pipe) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(pipe)
                            && writable(fdDir.resolveSibling("fdinfo").resolve(fd.getFileName().toString()))) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** Whether the descriptor {@code fdinfo} describes is open for writing ({@code flags} has O_WRONLY or O_RDWR). */
    private static boolean writable(Path fdinfo) {
        try {
            for (String line : Files.readAllLines(fdinfo)) {
                if (line.startsWith("flags:")) {
                    return (Long.parseLong(line.substring(6).strip(), 8) & 3) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed meanwhile, or no fdinfo: not a holder we can tell
        }
        return false;
    }

    /**
     * The processes of session or process group {@code sid} or with {@code tag} in their environment (none without
     * /proc).
     */
    static Set<Long> scan(long sid, byte[] tag) {
        Set<Long> out = new HashSet<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path d : dirs) {
                if (inSessionOrGroup(d.resolve("stat"), sid) || (tag != null && tagged(d.resolve("environ"), tag))) {
                    out.add(Long.parseLong(d.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: descendants() still covers the live tree
        }
        return out;
    }

    /**
     * Whether field 5 (process group) or 6 (session) of /proc/PID/stat is {@code id}; the command name in field 2
     * may hold spaces and parentheses.
     */
    private static boolean inSessionOrGroup(Path stat, long id) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]) == id || Long.parseLong(f[3]) == id;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the NUL-separated environment holds exactly the entry {@code tag}. */
    private static boolean tagged(Path environ, byte[] tag) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == tag.length && Arrays.equals(env, start, i, tag, 0, tag.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
