package org.vigil.web.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct lower-case names of a configuration, each with a number, and all of them in one string (each
 * followed by a NUL), so that finding a word is one {@link String#indexOf} scan of that string rather than a scan
 * per object: at 100,000 services the names repeat (20 descriptions, 5,000 host names), so the table holds a
 * tenth as many names as the objects have, and a word found in none of them costs one pass over a few hundred kB.
 */
final class NameTable {

    private final String[] names;
    private final int[] start;
    private final String all;

    private NameTable(String[] names) {
        this.names = names;
        this.start = new int[names.length];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            start[i] = b.length();
            b.append(names[i]).append('\0');
        }
        this.all = b.toString();
    }

    /** Numbers names as they are added ({@link #id}), the same name once; then {@link #table} makes the table. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();

        /** The number of {@code name} (lower case already), a new one when it is new. */
        int id(String name) {
            return ids.computeIfAbsent(name, n -> ids.size());
        }

        NameTable table() {
            String[] names = new String[ids.size()];
            ids.forEach((name, id) -> names[id] = name);
            return new NameTable(names);
        }
    }

    /** How many names there are. */
    int size() {
        return names.length;
    }

    /** The length of name {@code id}. */
    int length(int id) {
        return names[id].length();
    }

    /**
     * How {@code word} ranks against every name ({@link SearchTerms#rank}), by number; {@link SearchTerms#NONE}
     * where it is not in the name. Only the names it is found in are ranked.
     */
    int[] ranks(String word) {
        int[] rank = new int[names.length];
        Arrays.fill(rank, SearchTerms.NONE);
        if (word.isEmpty() || word.indexOf('\0') >= 0) {
            return rank;
        }
        for (int at = all.indexOf(word); at >= 0; ) {
            int id = Arrays.binarySearch(start, at);
            id = id >= 0 ? id : -id - 2;
            rank[id] = SearchTerms.rank(names[id], word);
            int next = start[id] + names[id].length() + 1;
            at = next >= all.length() ? -1 : all.indexOf(word, next);
        }
        return rank;
    }
}
