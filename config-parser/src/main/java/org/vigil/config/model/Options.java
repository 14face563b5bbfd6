package org.vigil.config.model;

/**
 * A set of Nagios option letters ({@code notification_options d,u,r}...), stored as a bit mask of the
 * letters a-z. {@code a} (all) is expanded when parsed, and its own bit is kept as a marker that "all"
 * was asked for, as Nagios keeps it; {@code n} (none) is the empty set.
 */
public record Options(int mask) {

    public static final Options NONE = new Options(0);

    public static Options of(String letters) {
        int m = 0;
        for (int i = 0; i < letters.length(); i++) {
            m |= bit(letters.charAt(i));
        }
        return new Options(m);
    }

    private static int bit(char c) {
        return 1 << (c - 'a');
    }

    public boolean has(char letter) {
        return (mask & bit(letter)) != 0;
    }

    public boolean isEmpty() {
        return mask == 0;
    }

    /** The letters set, in alphabetical order. */
    public String letters() {
        StringBuilder sb = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            if (has(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
