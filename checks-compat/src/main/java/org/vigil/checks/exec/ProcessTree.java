package org.vigil.checks.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Kills a plugin and everything it started, as Nagios kills the process group of a timed-out check. A plugin started
 * through {@code setsid} leads its own session, so on Linux every process still in that session is found in
 * {@code /proc}, including children already orphaned by their parent; elsewhere the live descendants are used.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** Kills the tree rooted at {@code root}; repeats a few times to catch processes forked meanwhile. */
    static void kill(ProcessHandle root) {
        long sid = root.pid();
        for (int round = 0; round < 5; round++) {
            Set<Long> pids = new HashSet<>();
            pids.add(root.pid());
            root.descendants().forEach(p -> pids.add(p.pid()));
            pids.addAll(sessionMembers(sid));
            boolean any = false;
            for (long pid : pids) {
                any |= ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            }
            if (!any) {
                return;
            }
        }
    }

    /** The processes of session {@code sid} (empty where there is no /proc). */
    static Set<Long> sessionMembers(long sid) {
        Set<Long> out = new HashSet<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path d : dirs) {
                long s = session(d.resolve("stat"));
                if (s == sid) {
                    out.add(Long.parseLong(d.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: descendants() still covers the live tree
        }
        return out;
    }

    /** Field 6 of /proc/PID/stat; the command name in field 2 may hold spaces and parentheses. */
    private static long session(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
