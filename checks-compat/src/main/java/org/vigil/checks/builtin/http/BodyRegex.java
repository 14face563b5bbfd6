package org.vigil.checks.builtin.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * check_http's {@code -r}/{@code -R}: a POSIX extended regular expression compiled with REG_NEWLINE (and
 * REG_ICASE for {@code -R}). Only the part of the syntax where Java's regex reads the same text the same way is
 * taken: letters, digits, spaces and the punctuation below, {@code . * + ? ^ $ | ( )} and bracket lists without
 * negation, classes or escapes. Anything else (backslashes, braces, {@code [^...]}, {@code [:alpha:]}) is
 * declined, so the real plugin judges it.
 */
record BodyRegex(String source, Pattern pattern) {

    private static final String PLAIN = "-_/:;,=!\"'%&<>@#~ ";

    /** The regex {@code source} means to check_http, or empty when Vigil does not read it exactly as it does. */
    static Optional<BodyRegex> of(String source, boolean ignoreCase) {
        if (source.isEmpty() || !supported(source)) {
            return Optional.empty();
        }
        int flags = Pattern.MULTILINE | Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Optional.of(new BodyRegex(source, Pattern.compile(source, flags)));
    }

    /** Whether {@code text} has a match (REG_NOSUB: only that matters, not which). */
    boolean matches(String text) {
        return pattern.matcher(text).find();
    }

    private static boolean supported(String source) {
        int depth = 0;
        boolean inBracket = false;
        char previous = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c > 126 || c < 32 || c == '\\' || c == '{' || c == '}') {
                return false;
            }
            if (inBracket) {
                if (c == '[' || c == '^' || c == '&' || (c == ']' && previous == '[')) {
                    return false;
                }
                inBracket = c != ']';
            } else if (c == '[') {
                inBracket = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0 || previous == '(' || previous == '|') {
                    return false;
                }
            } else if (c == '|' && (i == 0 || i == source.length() - 1 || previous == '|' || previous == '(')) {
                return false;
            } else if ("*+?".indexOf(c) >= 0 && (i == 0 || "*+?(|^".indexOf(previous) >= 0)) {
                return false;
            } else if (!Character.isLetterOrDigit(c) && ".^$|]*+?".indexOf(c) < 0 && PLAIN.indexOf(c) < 0) {
                return false;
            }
            previous = c;
        }
        return depth == 0 && !inBracket;
    }
}
