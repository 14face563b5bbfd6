package org.vigil.config.lex;

/**
 * Hands out one string for each text that repeats in a file: the keys of every line, and values such as a host's name
 * written in each of its services, the same check commands, templates and groups on every host. A large config then
 * holds each once per file instead of once per line, which is less to allocate and less for each young collection
 * to copy while the definitions are alive (at 100,000 services they all are until the model is built).
 *
 * <p>A small table indexed by the text's hash, each slot holding the last string that fell into it: a miss only costs
 * the copy that would have been made anyway. One per lexer, so one thread's.
 */
final class RepeatedStrings {

    /** Longer texts (command lines, notes) rarely repeat, and are copied as they are. */
    private static final int MAX_LENGTH = 64;
    private static final int SLOTS = 1024;

    private final String[] slots = new String[SLOTS];

    /** {@code text.substring(from, to)}, or an equal string handed out before. */
    String of(String text, int from, int to) {
        int n = to - from;
        if (n > MAX_LENGTH) {
            return text.substring(from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String known = slots[slot];
        if (known != null && known.length() == n && known.regionMatches(0, text, from, n)) {
            return known;
        }
        String s = text.substring(from, to);
        slots[slot] = s;
        return s;
    }
}
