package org.vigil.engine.nagiosstate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nagios's retention.dat or status.dat as blocks: {@code type {}, then {@code name=value} lines, then {@code }}.
 * As Nagios reads it: the first '=' splits a line, a value runs to the end of the line, comment lines start with
 * '#'. Which file it was is told by its blocks ({@code host}/{@code service} or {@code hoststatus}/...).
 */
public record StateFile(Path path, Kind kind, List<Block> blocks) {

    /** Which of Nagios's two state files was read. */
    public enum Kind { RETENTION, STATUS }

    /** One block, its fields in file order, and the line it starts on. */
    public record Block(String type, Map<String, String> fields, int line) {

        public Block {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The field's value, or "" when the block has none. */
        public String get(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    /** The file cannot be read as a Nagios state file; the message names the file and line. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** The largest file read: a retention.dat of 100,000 services is about 160 MB. */
    static final long MAX_BYTES = 2L << 30;

    /** Reads {@code path}; a file without any Nagios state block is unreadable, not empty. */
    public static StateFile read(Path path) throws Unreadable {
        List<String> lines;
        try {
            if (!Files.isRegularFile(path)) {
                throw new Unreadable(path + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new Unreadable(path + ": larger than 2 GiB; not a Nagios state file");
            }
            // ISO-8859-1 keeps every byte: plugin output in any encoding goes back out as it came in
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new Unreadable(path + ": cannot read it: " + (e.getMessage() == null ? e : e.getMessage()));
        }
        List<Block> blocks = parse(path, lines);
        boolean status = blocks.stream().anyMatch(b -> b.type().equals("hoststatus") || b.type().equals("servicestatus")
                || b.type().equals("programstatus"));
        boolean retention = blocks.stream().anyMatch(b -> b.type().equals("host") || b.type().equals("service")
                || b.type().equals("program"));
        if (!status && !retention) {
            throw new Unreadable(path + ": not a Nagios retention.dat or status.dat (no host, service or program"
                    + " block)");
        }
        return new StateFile(path, retention ? Kind.RETENTION : Kind.STATUS, List.copyOf(blocks));
    }

    private static List<Block> parse(Path path, List<String> lines) throws Unreadable {
        List<Block> blocks = new ArrayList<>();
        String type = null;
        int start = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (type == null) {
                if (!line.endsWith("{")) {
                    throw new Unreadable(path + ":" + (i + 1) + ": expected the start of a block ('name {'), found '"
                            + abbreviate(line) + "'");
                }
                type = line.substring(0, line.length() - 1).strip();
                start = i + 1;
                fields = new LinkedHashMap<>();
            } else if (line.equals("}")) {
                blocks.add(new Block(type, fields, start));
                type = null;
            } else {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new Unreadable(path + ":" + (i + 1) + ": expected 'name=value' in the " + type
                            + " block of line " + start + ", found '" + abbreviate(line) + "'");
                }
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (type != null) {
            throw new Unreadable(path + ":" + start + ": the " + type + " block has no end ('}'): is the file cut"
                    + " short?");
        }
        return blocks;
    }

    /** Leading blanks (status.dat's tab) go; trailing ones only on block lines, as values keep theirs. */
    private static String strip(String line) {
        String s = line.stripLeading();
        String end = s.stripTrailing();
        return end.equals("}") || end.endsWith("{") || end.isEmpty() ? end : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
