package org.vigil.engine.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The main log in Nagios's format, {@code [epoch seconds] MESSAGE}, so that existing log tools keep working.
 * Each line is flushed at once: after a crash the log holds everything that happened before it. With
 * {@code use_syslog} each line also goes to the system log ({@link Syslog}), as Nagios's
 * {@code write_to_all_logs} sends every line it writes to both.
 */
public final class NagiosLog implements AutoCloseable {

    /** What a {@link #rotate} did. */
    public enum Rotation { ROTATED, ARCHIVE_EXISTS, FAILED }

    private final Clock clock;
    private final Path path;
    private BufferedWriter file;
    private final PrintStream echo;
    private volatile Syslog syslog;

    /**
     * @param file the {@code log_file}; null to write no file
     * @param echo where to copy each line too (stdout in the foreground), or null
     */
    public NagiosLog(Path file, Clock clock, PrintStream echo) throws IOException {
        this.clock = clock;
        this.echo = echo;
        this.path = file;
        this.file = file == null ? null : open(file);
    }

    private static BufferedWriter open(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Sends every line from now on to {@code target} too (null: to no system log). */
    public void copyToSyslog(Syslog target) {
        this.syslog = target;
    }

    /** Writes one line with the current time. */
    public void log(String message) {
        log(message, clock.instant());
    }

    /** Writes one line stamped {@code at}, as Nagios stamps a rotation's lines with the boundary it crossed. */
    public synchronized void log(String message, Instant at) {
        String line = "[" + at.getEpochSecond() + "] " + message;
        Syslog copy = syslog;
        if (copy != null) {
            copy.send(message);
        }
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

    /**
     * Moves the log to {@code archive} and opens a new one that starts with {@code opening}, each line stamped
     * {@code at}, as one step no other line comes between. As Nagios does: an archive that exists already is
     * left alone and the log goes on (a rotation that ran early must not overwrite the hour before); when the
     * move fails the log goes on in the old file and nothing is written.
     */
    public synchronized Rotation rotate(Path archive, Instant at, List<String> opening) throws IOException {
        if (file == null) {
            return Rotation.FAILED;
        }
        if (Files.exists(archive)) {
            return Rotation.ARCHIVE_EXISTS;
        }
        file.close();
        file = null;
        IOException failure = null;
        try {
            if (archive.getParent() != null) {
                Files.createDirectories(archive.getParent());
            }
            Files.move(path, archive);
        } catch (FileAlreadyExistsException e) {
            file = open(path);
            return Rotation.ARCHIVE_EXISTS;
        } catch (IOException e) {
            failure = e;
        }
        file = open(path);
        if (failure != null) {
            throw failure;
        }
        for (String line : opening) {
            log(line, at);
        }
        return Rotation.ROTATED;
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
        Syslog copy = syslog;
        if (copy != null) {
            copy.close();
        }
    }
}
