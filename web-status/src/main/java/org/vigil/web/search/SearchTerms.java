package org.vigil.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search query split into its words, lower case: an object matches when every word is found in one of its
 * names. How well a word matches a name is its rank, lower is better: {@link #EXACT} the whole name,
 * {@link #PREFIX} its start, {@link #WORD} the start of a later word in it ({@code "var"} in {@code "disk /var"}),
 * {@link #INSIDE} anywhere else.
 */
public final class SearchTerms {

    /** The longest query taken, in characters. */
    public static final int MAX_LENGTH = 100;
    /** The most words a query may have. */
    static final int MAX_WORDS = 8;

    static final int EXACT = 0;
    static final int PREFIX = 1;
    static final int WORD = 2;
    static final int INSIDE = 3;
    static final int NONE = Integer.MAX_VALUE;
    /** What a match in a secondary name (alias, display name, address, a service's host) costs on top. */
    static final int SECONDARY = 4;

    private final String text;
    private final String[] words;

    private SearchTerms(String text, String[] words) {
        this.text = text;
        this.words = words;
    }

    /**
     * The words of {@code query}; a query that is missing, blank, longer than {@link #MAX_LENGTH} or of more than
     * {@link #MAX_WORDS} words is refused with the reason.
     */
    public static SearchTerms parse(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("q is required: the text to search for");
        }
        String q = query.strip();
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("q is " + q.length() + " characters long; at most " + MAX_LENGTH
                    + " are taken");
        }
        List<String> out = new ArrayList<>();
        for (String w : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && !out.contains(w)) {
                out.add(w);
            }
        }
        if (out.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q has " + out.size() + " words; at most " + MAX_WORDS
                    + " are taken");
        }
        return new SearchTerms(q, out.toArray(String[]::new));
    }

    /** The query as given, stripped. */
    public String text() {
        return text;
    }

    /**
     * The score of an object whose primary name is {@code primary} and whose other names are {@code secondary}
     * (all lower case, "" for none): the sum over the words of each word's best rank, or {@link #NONE} when a word
     * is in none of them.
     */
    int score(String primary, String... secondary) {
        int total = 0;
        for (String w : words) {
            int best = rank(primary, w);
            if (best > EXACT) {
                for (String s : secondary) {
                    int r = rank(s, w);
                    if (r != NONE && r + SECONDARY < best) {
                        best = r + SECONDARY;
                    }
                }
            }
            if (best == NONE) {
                return NONE;
            }
            total += best;
        }
        return total;
    }

    /** How each word ranks against each name of {@code names}: one array per word ({@link NameTable#ranks}). */
    int[][] ranks(NameTable names) {
        int[][] out = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = names.ranks(words[i]);
        }
        return out;
    }

    /**
     * {@link #score(String, String...)} over name numbers: {@code ranks} as {@link #ranks} gives them, the object's
     * primary name {@code primary} and its other names {@code a}, {@code b}, {@code c} (repeat one for fewer).
     */
    static int score(int[][] ranks, int primary, int a, int b, int c) {
        int total = 0;
        for (int[] r : ranks) {
            int best = r[primary];
            if (best > EXACT) {
                best = Math.min(best, secondary(r[a]));
                best = Math.min(best, secondary(r[b]));
                best = Math.min(best, secondary(r[c]));
            }
            if (best == NONE) {
                return NONE;
            }
            total += best;
        }
        return total;
    }

    private static int secondary(int rank) {
        return rank == NONE ? NONE : rank + SECONDARY;
    }

    /** How {@code word} matches {@code name}; {@link #NONE} when it is not in it. */
    static int rank(String name, String word) {
        int at = name.indexOf(word);
        if (at < 0) {
            return NONE;
        }
        if (at == 0) {
            return name.length() == word.length() ? EXACT : PREFIX;
        }
        for (int i = at; i >= 0; i = name.indexOf(word, i + 1)) {
            if (!Character.isLetterOrDigit(name.charAt(i - 1))) {
                return WORD;
            }
        }
        return INSIDE;
    }
}
