package org.vigil.checks.command;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Command lines already split, by their text: a check's line comes out of the macros the same at nearly every run
 * (its state macros aside), so it is split once ({@link CommandLine#parse}, a pure function of the text) and not
 * at each of 500 checks a second. Holds at most {@link #MAX} lines; a line beyond them is split at each run.
 */
public final class SplitLines {

    /** Lines kept at most: a few MB of text and argv at most, whatever the config's size. */
    static final int MAX = 20_000;

    private final ConcurrentHashMap<String, CommandLine> lines = new ConcurrentHashMap<>();

    /** {@code line} split as {@link CommandLine#parse} splits it; any thread. */
    public CommandLine parse(String line) {
        CommandLine split = lines.get(line);
        if (split == null) {
            split = CommandLine.parse(line);
            if (lines.size() < MAX) {
                lines.putIfAbsent(line, split);
            }
        }
        return split;
    }
}
