package org.vigil.livestatus.query;

import java.util.Map;

/**
 * The comparison operators of {@code Filter:}, {@code Stats:} and {@code WaitCondition:} headers. Each has a
 * negation ({@code !=}, {@code !~}...); {@code >=} and {@code <=} are Livestatus's negations of {@code <} and
 * {@code >}, which is why {@code >=} on a list means "contains" ({@code <} being "does not contain").
 */
enum Operator {
    EQUAL("="), NOT_EQUAL("!="),
    REGEX("~"), NOT_REGEX("!~"),
    EQUAL_ICASE("=~"), NOT_EQUAL_ICASE("!=~"),
    REGEX_ICASE("~~"), NOT_REGEX_ICASE("!~~"),
    LESS("<"), GREATER_OR_EQUAL(">="),
    GREATER(">"), LESS_OR_EQUAL("<=");

    private static final Map<String, Operator> BY_TEXT = Map.ofEntries(
            Map.entry("=", EQUAL), Map.entry("!=", NOT_EQUAL), Map.entry("~", REGEX), Map.entry("!~", NOT_REGEX),
            Map.entry("=~", EQUAL_ICASE), Map.entry("!=~", NOT_EQUAL_ICASE), Map.entry("~~", REGEX_ICASE),
            Map.entry("!~~", NOT_REGEX_ICASE), Map.entry("<", LESS), Map.entry(">=", GREATER_OR_EQUAL),
            Map.entry(">", GREATER), Map.entry("<=", LESS_OR_EQUAL));

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    /** The operator as a header writes it. */
    String text() {
        return text;
    }

    /** The operator {@code text} names, or null. */
    static Operator of(String text) {
        return BY_TEXT.get(text);
    }

    boolean isRegex() {
        return this == REGEX || this == NOT_REGEX || this == REGEX_ICASE || this == NOT_REGEX_ICASE;
    }

    boolean ignoresCase() {
        return this == EQUAL_ICASE || this == NOT_EQUAL_ICASE || this == REGEX_ICASE || this == NOT_REGEX_ICASE;
    }

    /** Whether this is the negation of a positive operator ({@code !=}, {@code >=}...). */
    boolean isNegated() {
        return this == NOT_EQUAL || this == NOT_REGEX || this == NOT_EQUAL_ICASE || this == NOT_REGEX_ICASE
                || this == GREATER_OR_EQUAL || this == LESS_OR_EQUAL;
    }

    /** The positive operator this negates, or itself. */
    Operator positive() {
        switch (this) {
            case NOT_EQUAL: return EQUAL;
            case NOT_REGEX: return REGEX;
            case NOT_EQUAL_ICASE: return EQUAL_ICASE;
            case NOT_REGEX_ICASE: return REGEX_ICASE;
            case GREATER_OR_EQUAL: return LESS;
            case LESS_OR_EQUAL: return GREATER;
            default: return this;
        }
    }
}
