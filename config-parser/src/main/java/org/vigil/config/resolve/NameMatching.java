package org.vigil.config.resolve;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether an item of an object list is a name or a regular expression, as Nagios 4.4.6's xodtemplate
 * decides it. With {@code use_regexp_matching=1} an item that contains {@code *}, {@code ?}, {@code +} or
 * {@code \.} is a POSIX extended regular expression; with {@code use_true_regexp_matching=1} as well, every
 * item is (without {@code use_regexp_matching}, {@code use_true_regexp_matching} does nothing). A pattern
 * matches a name when it matches anywhere in it ({@code regexec} without anchors: {@code db1} matches
 * {@code db10}); {@code !} and {@code *} have no special meaning in a pattern.
 *
 * <p>Patterns are compiled by {@link Pattern}: the ERE syntax Nagios users write (classes, ranges,
 * alternation, anchors, repetition) means the same there; POSIX classes such as {@code [[:digit:]]} are
 * translated. Java's extensions ({@code \d}, lookaround) are accepted where glibc would read them otherwise.
 */
public record NameMatching(boolean regexp, boolean trueRegexp) {

    /** Names only: Nagios's default. */
    public static final NameMatching EXACT = new NameMatching(false, false);

    private static final Pattern POSIX_CLASS = Pattern.compile("\\[:(alpha|digit|alnum|upper|lower|space|punct"
            + "|xdigit|blank|cntrl|graph|print):]");
    private static final java.util.Map<String, String> JAVA_CLASS = java.util.Map.ofEntries(
            java.util.Map.entry("alpha", "Alpha"), java.util.Map.entry("digit", "Digit"),
            java.util.Map.entry("alnum", "Alnum"), java.util.Map.entry("upper", "Upper"),
            java.util.Map.entry("lower", "Lower"), java.util.Map.entry("space", "Space"),
            java.util.Map.entry("punct", "Punct"), java.util.Map.entry("xdigit", "XDigit"),
            java.util.Map.entry("blank", "Blank"), java.util.Map.entry("cntrl", "Cntrl"),
            java.util.Map.entry("graph", "Graph"), java.util.Map.entry("print", "Print"));

    /** Whether {@code item} is a regular expression rather than a name. */
    public boolean isPattern(String item) {
        return regexp && (trueRegexp || item.contains("*") || item.contains("?") || item.contains("+")
                || item.contains("\\."));
    }

    /**
     * Whether a list of {@code type} stays in pattern mode after its first pattern: in 4.4.6's
     * {@code xodtemplate_expand_hosts} and {@code xodtemplate_expand_contacts} the flag is never reset, so
     * in {@code members web.*,db1} the {@code db1} is a pattern too (checked with nagios4: it takes db10).
     */
    static boolean sticky(ObjectType type) {
        return type == ObjectType.HOST || type == ObjectType.CONTACT;
    }

    /** The pattern as a test on names; throws for a pattern that does not compile. */
    static Predicate<String> compile(String pattern) throws PatternSyntaxException {
        String java = POSIX_CLASS.matcher(pattern).replaceAll(m -> "\\\\p{" + JAVA_CLASS.get(m.group(1)) + "}");
        return Pattern.compile(java).asPredicate();
    }
}
