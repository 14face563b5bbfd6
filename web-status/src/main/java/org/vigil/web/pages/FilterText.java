package org.vigil.web.pages;

import java.util.Locale;

/**
 * A row's text fields for the lists' {@code text} filter, joined once per snapshot in lower case, and the test of a
 * filter against them: {@code /problems}' {@link ProblemIndex} and the group pages' {@link ServiceProblems}.
 */
final class FilterText {

    /** Between the joined fields: a filter's text cannot span two of them unless it holds one. */
    private static final char SEPARATOR = '\0';

    private FilterText() {
    }

    /** The fields in lower case, each followed by the separator; a null field is empty. */
    static String join(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (f != null) {
                b.append(f.toLowerCase(Locale.ROOT));
            }
            b.append(SEPARATOR);
        }
        return b.toString();
    }

    /** Whether one of {@code joined}'s fields holds {@code needle} (lower case; null: no filter, true). */
    static boolean holds(String joined, String needle) {
        if (needle == null) {
            return true;
        }
        if (needle.indexOf(SEPARATOR) < 0) {
            return joined.contains(needle);
        }
        for (String field : joined.split(String.valueOf(SEPARATOR), -1)) {
            if (field.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
