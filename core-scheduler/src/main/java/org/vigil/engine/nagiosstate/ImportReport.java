package org.vigil.engine.nagiosstate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import took, what it skipped and why: objects and entries no longer in Vigil's config, fields Vigil does
 * not carry over (with how many blocks had them), and ids it had to change. Filled by {@link StateImport}.
 */
public final class ImportReport {

    /** How many skipped objects are named one by one; the rest are counted. */
    private static final int NAMED = 20;

    private final Map<String, Integer> taken = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    /** Fields not carried over: by reason, each field with the number of blocks that had it. */
    private final Map<String, Map<String, Integer>> ignored = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    void took(String what) {
        taken.merge(what, 1, Integer::sum);
    }

    void skipped(String what) {
        skipped.add(what);
    }

    void ignored(String field, String reason) {
        ignored.computeIfAbsent(reason, r -> new TreeMap<>()).merge(field.startsWith("_") ? "_*" : field, 1,
                Integer::sum);
    }

    void note(String text) {
        notes.add(text);
    }

    /** How many of {@code what} ("hosts", "services", "comments", ...) were taken. */
    public int taken(String what) {
        return taken.getOrDefault(what, 0);
    }

    /** Everything skipped, one line each ({@code "service web9;disk: not in Vigil's config"}). */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The report for a user: what was taken, then what was skipped and ignored, each with its reason. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        StringBuilder took = new StringBuilder("took:");
        taken.forEach((what, n) -> took.append(' ').append(n).append(' ').append(what).append(','));
        out.add(taken.isEmpty() ? "took: nothing" : took.substring(0, took.length() - 1));
        if (!skipped.isEmpty()) {
            out.add("skipped " + skipped.size() + ":");
            skipped.stream().limit(NAMED).forEach(s -> out.add("  " + s));
            if (skipped.size() > NAMED) {
                out.add("  ... and " + (skipped.size() - NAMED) + " more");
            }
        }
        if (!ignored.isEmpty()) {
            out.add("fields not carried over:");
            ignored.forEach((reason, fields) -> {
                StringBuilder line = new StringBuilder("  ").append(reason).append(':');
                // unknown keys are counted: a typo or a newer Nagios; the others are the same in every import
                boolean count = reason.equals(Fields.UNKNOWN);
                fields.forEach((f, n) -> line.append(' ').append(f).append(count ? " (" + n + " blocks)" : "")
                        .append(','));
                out.add(line.substring(0, line.length() - 1));
            });
        }
        notes.forEach(n -> out.add("note: " + n));
        return out;
    }
}
