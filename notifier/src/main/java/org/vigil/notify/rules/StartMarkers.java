package org.vigil.notify.rules;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.checks.command.CommandLine;

/**
 * Makes a journaled notification's commands start once, whatever instant the monitor is killed at. Each command
 * runs under a small {@code /bin/sh} prologue that creates a marker file for its journal entry and command with
 * {@code O_EXCL} ({@code set -C}) before it {@code exec}s the command, and exits at once when the marker already
 * exists. The child creates it, not the monitor, so "the marker exists" and "the command was started" are one
 * event: a notification found unsettled in the journal after a crash is simply run again, and each of its commands
 * that had started does nothing the second time. A marker that cannot be created for another reason (the directory
 * is not writable) does not stop the command: it runs, and could run again after a crash.
 *
 * <p>Markers are deleted once their entry's settlement is durable ({@link #forget}) and, at start, all those of
 * entries no longer in the journal ({@link #keepOnly}).
 */
public final class StartMarkers {

    /** The prologue: {@code $0} is the marker, the rest the command's argv. */
    private static final String PROLOGUE =
            "set -C; if ! true 2>/dev/null >\"$0\"; then [ -e \"$0\" ] && exit 0; fi; exec \"$@\"";

    private final Path dir;

    private StartMarkers(Path dir) {
        this.dir = dir;
    }

    /** Markers in {@code dir}, created if missing; empty (commands run unguarded) when it cannot be created. */
    public static java.util.Optional<StartMarkers> in(Path dir, java.util.function.Consumer<String> log) {
        try {
            Files.createDirectories(dir);
            return java.util.Optional.of(new StartMarkers(dir));
        } catch (IOException e) {
            log.accept("Warning: notification commands may run twice after a crash: cannot create " + dir + ": "
                    + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** {@code line} guarded by the marker of command {@code index} of journal entry {@code id}. */
    public CommandLine guard(CommandLine line, long id, int index) {
        List<String> argv = new ArrayList<>(List.of(CommandLine.SHELL, "-c", PROLOGUE, marker(id, index).toString()));
        argv.addAll(line.execArgv());
        return new CommandLine(line.line(), argv, Set.of());
    }

    private Path marker(long id, int index) {
        return dir.resolve(id + "-" + index);
    }

    /** Deletes the markers of entry {@code id} (its settlement is durable: it is never run again). */
    public void forget(long id, int commands) {
        for (int i = 0; i < commands; i++) {
            try {
                Files.deleteIfExists(marker(id, i));
            } catch (IOException e) {
                // left for the clean-up at the next start
            }
        }
    }

    /** At start: deletes every marker but those of the unsettled entries {@code ids}. */
    public void keepOnly(Set<Long> ids) {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0 || !ids.contains(parse(name.substring(0, dash)))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // a marker left behind only matters if its id were reused, and entry ids never are
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
