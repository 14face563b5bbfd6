package org.vigil.checks.builtin.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * check_http's (and check_curl's) {@code -r}/{@code -R}: a POSIX extended regular expression compiled with REG_NEWLINE
 * (and REG_ICASE for {@code -R}). Only the part of the syntax where Java's regex reads the same text the same way is
 * taken: letters, digits, spaces and the punctuation below, {@code . * + ? ^ $ | ( )} and bracket lists without
 * negation, classes or escapes. Anything else (backslashes, braces, {@code [^...]}, {@code [:alpha:]}) is declined, so
 * the real plugin judges it. glibc's regex reads the body in the plugin's locale: in the C locale byte by byte
 * ({@code .} takes one byte of {@code é}), in a UTF-8 locale by character ({@code .} takes all of it, and no byte
 * outside a valid UTF-8 sequence); so does this, from the same environment (tested both ways).
 */
public record BodyRegex(String source, Pattern pattern, boolean utf8Locale) {

    private static final String PLAIN = "-_/:;,=!\"'%&<>@#~ ";
    /** What a byte outside a valid UTF-8 sequence reads as: a character no supported pattern matches. */
    private static final char INVALID_BYTE = '\uFFFF';

    /** The regex {@code source} means to check_http, or empty when Vigil does not read it exactly as it does. */
    public static Optional<BodyRegex> of(String source, boolean ignoreCase, boolean utf8Locale) {
        if (source.isEmpty() || !supported(source)) {
            return Optional.empty();
        }
        int flags = Pattern.MULTILINE | Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0)
                | (ignoreCase && utf8Locale ? Pattern.UNICODE_CASE : 0);
        String java = utf8Locale ? anyButInvalid(source) : source;
        return Optional.of(new BodyRegex(source, Pattern.compile(java, flags), utf8Locale));
    }

    /** Whether {@code body} (its bytes as ISO-8859-1 characters) has a match (REG_NOSUB: only that matters). */
    public boolean matches(String body) {
        return pattern.matcher(utf8Locale ? asCharacters(body) : body).find();
    }

    /** {@code source} with each {@code .} outside a bracket list made one that does not take an invalid byte. */
    private static String anyButInvalid(String source) {
        StringBuilder java = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '.' && !inBracket) {
                java.append("[^\\n").append(INVALID_BYTE).append(']');
                continue;
            }
            if (c == '[' && !inBracket) {
                inBracket = true;
            } else if (c == ']' && inBracket && source.charAt(i - 1) != '[') {
                inBracket = false;
            }
            java.append(c);
        }
        return java.toString();
    }

    /** The body's UTF-8 characters, each byte outside a valid sequence {@link #INVALID_BYTE}. */
    private static String asCharacters(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r;
        while ((r = utf8.decode(in, out, true)).isError()) {
            for (int i = 0; i < r.length(); i++) {
                in.get();
                out.put(INVALID_BYTE);
            }
        }
        utf8.flush(out);
        return out.flip().toString();
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
