package org.vigil.engine.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The main log in Nagios's format, {@code [epoch seconds] MESSAGE}, so that existing log tools keep working.
 * Each line is flushed at once: after a crash the log holds everything that happened before it.
 */
public final class NagiosLog implements AutoCloseable {

    private final Clock clock;
    private final BufferedWriter file;
    private final PrintStream echo;

    /**
     * @param file the {@code log_file}; null to write no file
     * @param echo where to copy each line too (stdout in the foreground), or null
     */
    public NagiosLog(Path file, Clock clock, PrintStream echo) throws IOException {
        this.clock = clock;
        this.echo = echo;
        if (file != null) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } else {
            this.file = null;
        }
    }

    /** Writes one line with the current time. */
    public synchronized void log(String message) {
        String line = "[" + clock.instant().getEpochSecond() + "] " + message;
        if (file != null) {
            try {
                file.write(line);
                file.write('\n');
                file.flush();
            } catch (IOException e) {
                if (echo != null) {
                    echo.println("vigil: cannot write the log file: " + e.getMessage());
                }
            }
        }
        if (echo != null) {
            echo.println(line);
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // closing at shutdown: nothing more can be done
            }
        }
    }
}
