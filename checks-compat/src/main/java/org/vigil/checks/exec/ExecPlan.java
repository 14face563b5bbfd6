package org.vigil.checks.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.command.CommandLine;

/**
 * How one command line is launched: its argv, wrapped in {@code setsid} so the plugin leads its own session and its
 * whole tree can be killed, and the exec failure Nagios would report if the program cannot be executed.
 *
 * <p>Nagios's worker forks, and the child reports a failed {@code execvp} on stderr and exits with the errno. Here
 * the program is checked before launching (a launcher such as setsid would otherwise report the failure in its own
 * words), and the same stderr and exit status are produced: {@code execvp(/x, ...) failed. errno is 2: No such file
 * or directory}, exit 2 (observed on 4.4.6).
 */
record ExecPlan(List<String> argv, Optional<PluginFailure> execFailure) {

    /** The errno and text the child would print. */
    record PluginFailure(int errno, String stderr) {

        /** What Nagios's child prints when execvp of {@code program} fails with {@code errno} ({@code text}). */
        static PluginFailure execvp(String program, int errno, String text) {
            return new PluginFailure(errno, "execvp(" + program + ", ...) failed. errno is " + errno + ": " + text
                    + "\n");
        }

        /** The result of a run that ended so: exit status errno, the text on stderr. */
        PluginResult result(Instant start, Instant end) {
            return new PluginResult(errno, "", stderr, start, end, false, false, null);
        }
    }

    static ExecPlan of(CommandLine line, Map<String, String> env, Path setsid) {
        return of(line, env, setsid, List.of());
    }

    /** The plan, with {@code launcher} (a {@link ChildUser} prefix, or empty) before the rest. */
    static ExecPlan of(CommandLine line, Map<String, String> env, Path setsid, List<String> launcher) {
        List<String> argv = line.execArgv();
        if (argv.isEmpty()) {
            return new ExecPlan(argv, Optional.of(new PluginFailure(22, "")));
        }
        Optional<PluginFailure> failure = checkExecutable(argv.get(0), env);
        List<String> out = argv;
        if (setsid != null && failure.isEmpty()) {
            out = new ArrayList<>(argv.size() + 2);
            out.add(setsid.toString());
            out.add("-w");
            out.addAll(argv);
        }
        if (!launcher.isEmpty() && failure.isEmpty()) {
            List<String> launched = new ArrayList<>(launcher.size() + out.size());
            launched.addAll(launcher);
            launched.addAll(out);
            out = launched;
        }
        return new ExecPlan(out, failure);
    }

    /**
     * The plan without looking at the program first: for a spawner that reports a failed exec itself, with the
     * errno Nagios's child would print (the native spawner does: the same errno and text, three fewer system calls
     * a run).
     */
    static ExecPlan unchecked(CommandLine line) {
        List<String> argv = line.execArgv();
        return new ExecPlan(argv, argv.isEmpty() ? Optional.of(new PluginFailure(22, "")) : Optional.empty());
    }

    /** execvp's search: a name with a slash is used as is, others are looked up on PATH. */
    static Optional<PluginFailure> checkExecutable(String program, Map<String, String> env) {
        if (program.contains("/")) {
            return check(program, Path.of(program));
        }
        String path = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/bin:/usr/bin"));
        boolean denied = false;
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.exists(p)) {
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.empty();
                }
                denied = true;
            }
        }
        return Optional.of(denied ? failure(program, 13) : failure(program, 2));
    }

    private static Optional<PluginFailure> check(String program, Path p) {
        if (!Files.exists(p)) {
            return Optional.of(failure(program, 2));
        }
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            return Optional.of(failure(program, 13));
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern JAVA_ERRNO = java.util.regex.Pattern.compile("error=(\\d+), (.*)$");

    /**
     * A launch that Java refused ({@code Cannot run program "x": error=7, Argument list too long}), as Nagios's
     * child would have reported the failed execvp; empty when the message carries no errno.
     */
    static Optional<PluginFailure> fromLaunchError(String program, String message) {
        java.util.regex.Matcher m = JAVA_ERRNO.matcher(message == null ? "" : message);
        if (!m.find()) {
            return Optional.empty();
        }
        int errno = Integer.parseInt(m.group(1));
        return Optional.of(PluginFailure.execvp(program, errno, m.group(2)));
    }

    private static PluginFailure failure(String program, int errno) {
        String text = errno == 2 ? "No such file or directory" : "Permission denied";
        return PluginFailure.execvp(program, errno, text);
    }
}
