package org.vigil.engine.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.config.LoadResult;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.Engine;
import org.vigil.engine.log.LogArchive;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.log.RotationMethod;
import org.vigil.engine.state.StateLog;

/**
 * {@code log_rotation_method} and {@code log_archive_path}: Nagios 4.4.6's log rotation event. Asked every second
 * whether the clock has passed the next boundary of the running config's method (so an injected clock crosses one
 * as the real one does, and a reload that changes the method takes effect at once); at a boundary the log moves to
 * the archive named for it and the new log opens, every line stamped with the boundary, with
 * {@code LOG ROTATION: HOURLY} (etc.), {@code LOG VERSION: 2.0} and, with {@code log_current_states} (on by
 * default), a {@code CURRENT HOST STATE} / {@code CURRENT SERVICE STATE} line per object, as
 * {@code rotate_log_file} writes them. It runs on the engine thread, so that no state change falls between the
 * states written and the move.
 */
final class LogRotator {

    private final NagiosLog log;
    private final Clock clock;
    private final Supplier<LoadResult> config;
    private final Supplier<Engine> engine;
    private RotationMethod method;
    private Instant next;
    /** When the log was last rotated ({@code last_log_rotation}); null before the first rotation of this run. */
    private volatile Instant lastRotation;

    LogRotator(NagiosLog log, Clock clock, Supplier<LoadResult> config, Supplier<Engine> engine) {
        this.log = log;
        this.clock = clock;
        this.config = config;
        this.engine = engine;
    }

    /** Rotates when a boundary has passed since the last call; from the timer thread. */
    synchronized void tick() {
        MainConfig main = config.get().mainConfig();
        RotationMethod now = main.path("log_file").isPresent()
                ? RotationMethod.of(main.value("log_rotation_method", "n")) : RotationMethod.NONE;
        ZoneId zone = main.zone();
        Instant at = clock.instant();
        if (now != method) {
            method = now;
            next = now.nextAfter(at, zone);
            return;
        }
        if (next == null || at.isBefore(next)) {
            return;
        }
        Instant boundary = next;
        next = method.nextAfter(at, zone);
        Engine e = engine.get();
        e.call(() -> rotate(main, e, boundary, zone));
    }

    private Void rotate(MainConfig main, Engine e, Instant boundary, ZoneId zone) {
        lastRotation = clock.instant();
        List<String> opening = new ArrayList<>(List.of("LOG ROTATION: " + method.label(), "LOG VERSION: 2.0"));
        if (main.flag("log_current_states", true)) {
            opening.addAll(StateLog.currentStates(e.hosts(), e.services()));
        }
        Path archive = LogArchive.fileFor(archiveDir(main), boundary, zone);
        try {
            log.rotate(archive, boundary, opening);
        } catch (IOException ex) {
            // Nagios's my_rename words it so; the log goes on in the same file
            log.log("Error: Unable to rename file '" + main.path("log_file").orElseThrow() + "' to '" + archive
                    + "': " + reason(ex));
        }
        return null;
    }

    /** strerror's words for the failures a move meets most, else Java's message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }

    /** {@code log_archive_path}, else {@code archives} beside the log, where Debian's nagios.cfg puts them. */
    static Path archiveDir(MainConfig main) {
        return main.path("log_archive_path")
                .orElseGet(() -> main.path("log_file").orElseThrow().resolveSibling("archives"));
    }

    /** When the log was last rotated, if it was since this daemon started. */
    Optional<Instant> lastRotation() {
        return Optional.ofNullable(lastRotation);
    }
}
