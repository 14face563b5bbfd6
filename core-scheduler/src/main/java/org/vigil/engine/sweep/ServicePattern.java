package org.vigil.engine.sweep;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A service description pattern: a glob ({@code *} any run of characters, {@code ?} one character, matched against
 * the whole description, case-sensitive, as Nagios's names are), or a regular expression written between slashes
 * ({@code /^disk|swap$/}), which matches anywhere in the description unless anchored.
 */
public record ServicePattern(String text, Pattern compiled) {

    /** The pattern for {@code text}, or the reason it is not one. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(Optional.empty(), "an empty service pattern");
        }
        try {
            if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
                return ok(text, Pattern.compile(text.substring(1, text.length() - 1)));
            }
            return ok(text, Pattern.compile(globToRegex(text)));
        } catch (PatternSyntaxException e) {
            return new Parsed(Optional.empty(), "bad regular expression " + text + ": " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static Parsed ok(String text, Pattern p) {
        return new Parsed(Optional.of(new ServicePattern(text, p)), null);
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder("^");
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.append('$').toString();
    }

    /** Whether {@code description} matches. */
    public boolean matches(String description) {
        return compiled.matcher(description).find();
    }

    /** A parse: the pattern, or the error. */
    public record Parsed(Optional<ServicePattern> pattern, String error) {
    }
}
