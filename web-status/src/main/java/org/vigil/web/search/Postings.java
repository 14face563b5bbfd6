package org.vigil.web.search;

/**
 * For one name field of the services (description, display name, host name), the positions of the services that
 * carry each name number of a {@link NameTable}: so a search visits only the services that have a name a word was
 * found in, not all 100,000 of them.
 */
final class Postings {

    private final int[] start;
    private final int[] positions;

    /** The postings of {@code field} (a name number per position) over a table of {@code names} names. */
    Postings(int[] field, int names) {
        start = new int[names + 1];
        for (int id : field) {
            start[id + 1]++;
        }
        for (int i = 0; i < names; i++) {
            start[i + 1] += start[i];
        }
        positions = new int[field.length];
        int[] next = start.clone();
        for (int p = 0; p < field.length; p++) {
            positions[next[field[p]]++] = p;
        }
    }

    /** Sets the bit of every position whose name has a rank in {@code ranks} (one word's, by name number). */
    void mark(int[] ranks, long[] bits) {
        for (int id = 0; id < ranks.length; id++) {
            if (ranks[id] != SearchTerms.NONE) {
                for (int i = start[id]; i < start[id + 1]; i++) {
                    int p = positions[i];
                    bits[p >>> 6] |= 1L << p;
                }
            }
        }
    }
}
