package org.vigil.worker.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads mod_gearman's {@code worker.conf} format as its {@code read_config_file} does: one {@code key=value} per
 * line, anything from {@code #} on is a comment, blank lines skipped, keys case-insensitive with leading hyphens
 * dropped; {@code config=}/{@code include=} reads another file, or every {@code .cfg} and {@code .conf} file of a
 * directory (in name order), at most 10 levels deep. Relative include paths are taken from the including file's
 * directory. The central node reads the NEB module's {@code module.conf} with it too, into its own
 * {@link ConfSink}.
 */
public final class WorkerConfReader {

    private static final int MAX_DEPTH = 10;

    private final ConfSink draft;
    private final Deque<Path> reading = new ArrayDeque<>();

    /** A reader putting what it reads into {@code sink}. */
    public WorkerConfReader(ConfSink draft) {
        this.draft = draft;
    }

    /** Reads {@code file} (or directory) into the draft; {@code where} names who asked for it, for errors. */
    public void read(String where, Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (reading.size() > MAX_DEPTH) {
            draft.error(where, "config includes nest deeper than " + MAX_DEPTH + " levels");
            return;
        }
        if (reading.contains(path)) {
            draft.error(where, "config " + file + " includes itself");
            return;
        }
        if (Files.isDirectory(path)) {
            readDirectory(where, path);
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException e) {
            draft.error(where, "config file " + file + " does not exist");
            return;
        } catch (IOException e) {
            draft.error(where, "config file " + file + " cannot be read: " + e.getMessage());
            return;
        }
        reading.push(path);
        try {
            for (int i = 0; i < lines.size(); i++) {
                line(file + ":" + (i + 1), path, lines.get(i));
            }
        } finally {
            reading.pop();
        }
    }

    private void readDirectory(String where, Path dir) {
        reading.push(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) || name.endsWith(".cfg") || name.endsWith(".conf")) {
                    read(where, p);
                }
            }
        } catch (IOException e) {
            draft.error(where, "config directory " + dir + " cannot be read: " + e.getMessage());
        } finally {
            reading.pop();
        }
    }

    private void line(String where, Path file, String raw) {
        int hash = raw.indexOf('#');
        String text = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
        if (text.isEmpty()) {
            return;
        }
        int eq = text.indexOf('=');
        String key = eq >= 0 ? text.substring(0, eq) : text;
        String value = eq >= 0 ? text.substring(eq + 1) : null;
        if (key.strip().replaceFirst("^-+", "").isEmpty()) {
            draft.error(where, "expected key=value, got '" + text + "'");
            return;
        }
        if (draft.apply(where, key, value) != null) {
            Path target = Path.of(value.strip());
            Path dir = file.getParent();
            read(where, dir == null || target.isAbsolute() ? target : dir.resolve(target));
        }
    }
}
