package org.vigil.app.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vigil.worker.settings.WorkerSettings;

/**
 * {@code vigil worker}'s log: lines as mod_gearman's {@code gm_log} writes them
 * ({@code [2026-12-07 12:34:58,123][4711][INFO ] text}), appended to worker.conf's {@code logfile=} when one is given
 * (and {@code logmode} is {@code automatic} or {@code file}), else written to stderr ({@code logmode=stdout}:
 * stdout). Thread-safe: every job loop writes here.
 */
final class WorkerLog implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'['yyyy-MM-dd HH:mm:ss,SSS']'",
            Locale.ROOT);

    private final PrintStream to;
    private final boolean own;
    private final long pid = ProcessHandle.current().pid();

    private WorkerLog(PrintStream to, boolean own) {
        this.to = to;
        this.own = own;
    }

    /**
     * The log the settings ask for.
     *
     * @throws IllegalArgumentException naming the key and what is wrong, when it cannot be opened or is not supported
     */
    static WorkerLog open(WorkerSettings settings, PrintStream out, PrintStream err) {
        String mode = settings.otherValue("logmode");
        String file = settings.otherValue("logfile");
        mode = mode == null ? "automatic" : mode.toLowerCase(Locale.ROOT);
        switch (mode) {
            case "stdout":
                return new WorkerLog(out, false);
            case "automatic", "file":
                if (file == null) {
                    if (mode.equals("file")) {
                        throw new IllegalArgumentException("logmode=file needs logfile=PATH");
                    }
                    return new WorkerLog(err, false);
                }
                try {
                    return new WorkerLog(new PrintStream(new FileOutputStream(Path.of(file).toFile(), true), true,
                            StandardCharsets.UTF_8), true);
                } catch (IOException e) {
                    throw new IllegalArgumentException("logfile=" + file + " cannot be opened for writing: "
                            + e.getMessage());
                }
            case "syslog":
                throw new IllegalArgumentException("logmode=syslog is not supported by vigil worker (expected"
                        + " automatic, stdout or file)");
            default:
                throw new IllegalArgumentException("logmode=" + mode + ": expected automatic, stdout, file or syslog");
        }
    }

    void info(String text) {
        write("INFO ", text);
    }

    void error(String text) {
        write("ERROR", text);
    }

    private synchronized void write(String level, String text) {
        to.println(STAMP.format(LocalDateTime.now()) + "[" + pid + "][" + level + "] " + text);
        to.flush();
    }

    @Override
    public void close() {
        if (own) {
            to.close();
        }
    }
}
