package org.vigil.engine.nagiosstate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

        /** {@code fields} is not copied: the parser makes a map per block and hands it over. */
        public Block {
            fields = Collections.unmodifiableMap(fields);
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

    /** Reads {@code path} whole; a file without any Nagios state block is unreadable, not empty. */
    public static StateFile read(Path path) throws Unreadable {
        List<Block> blocks = new ArrayList<>();
        Kind kind = read(path, blocks::add);
        return new StateFile(path, kind, List.copyOf(blocks));
    }

    /**
     * Reads {@code path} a block at a time into {@code each} (at 100,000 services the file's blocks would take most
     * of a gigabyte held together) and tells which file it was.
     */
    public static Kind read(Path path, Consumer<Block> each) throws Unreadable {
        if (!Files.isRegularFile(path)) {
            throw new Unreadable(path + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        // UTF-8 as Vigil reads plugin output; a byte that is not UTF-8 becomes U+FFFD rather than failing the import
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8), 1 << 16)) {
            if (Files.size(path) > MAX_BYTES) {
                throw new Unreadable(path + ": larger than 2 GiB; not a Nagios state file");
            }
            Parser parser = new Parser(path, each);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                parser.line(line);
            }
            return parser.end();
        } catch (IOException e) {
            throw new Unreadable(path + ": cannot read it: " + (e.getMessage() == null ? e : e.getMessage()));
        }
    }

    /** One pass over the lines; field names are shared (the same few dozen in every block). */
    private static final class Parser {
        private final Path path;
        private final Consumer<Block> each;
        private final Map<String, String> names = new HashMap<>();
        private Map<String, String> fields = new LinkedHashMap<>();
        private String type;
        private int number;
        private int start;
        private boolean status;
        private boolean retention;

        Parser(Path path, Consumer<Block> each) {
            this.path = path;
            this.each = each;
        }

        void line(String raw) throws Unreadable {
            number++;
            String line = strip(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (type == null) {
                if (!line.endsWith("{")) {
                    throw new Unreadable(path + ":" + number + ": expected the start of a block ('name {'), found '"
                            + abbreviate(line) + "'");
                }
                type = line.substring(0, line.length() - 1).strip();
                start = number;
                fields = new LinkedHashMap<>();
            } else if (line.equals("}")) {
                status |= type.equals("hoststatus") || type.equals("servicestatus") || type.equals("programstatus");
                retention |= type.equals("host") || type.equals("service") || type.equals("program");
                each.accept(new Block(type, fields, start));
                type = null;
            } else {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new Unreadable(path + ":" + number + ": expected 'name=value' in the " + type
                            + " block of line " + start + ", found '" + abbreviate(line) + "'");
                }
                String name = line.substring(0, eq);
                fields.put(names.size() < 4096 ? names.computeIfAbsent(name, n -> n) : name, line.substring(eq + 1));
            }
        }

        Kind end() throws Unreadable {
            if (type != null) {
                throw new Unreadable(path + ":" + start + ": the " + type + " block has no end ('}'): is the file cut"
                        + " short?");
            }
            if (!status && !retention) {
                throw new Unreadable(path + ": not a Nagios retention.dat or status.dat (no host, service or program"
                        + " block)");
            }
            return retention ? Kind.RETENTION : Kind.STATUS;
        }
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
