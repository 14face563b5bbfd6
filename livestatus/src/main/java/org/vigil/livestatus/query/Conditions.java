package org.vigil.livestatus.query;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition ({@code column operator value}) compiled for its column's type. Strings compare as Livestatus
 * compares them ({@code =} exactly, {@code =~} ignoring case, {@code ~} a case-sensitive regular expression found
 * anywhere, {@code ~~} one ignoring case, {@code < >} byte order); numbers and times numerically, a time less the
 * {@code Localtime:} offset; lists and dicts in {@link CollectionConditions}.
 */
final class Conditions {

    private Conditions() {
    }

    static RowTest of(FilterExpr.Condition c, ColumnType type, int slot, long timezoneOffset)
            throws LivestatusError {
        switch (type) {
            case INT:
                return integer(c, slot, 0);
            case TIME:
                return integer(c, slot, timezoneOffset);
            case FLOAT:
                return floating(c, slot);
            case LIST:
                return CollectionConditions.list(c, slot);
            case DICT:
                return CollectionConditions.dict(c, slot);
            default:
                return string(c, slot);
        }
    }

    private static RowTest integer(FilterExpr.Condition c, int slot, long offset) throws LivestatusError {
        long ref = (long) number(c) - offset;
        switch (c.operator()) {
            case EQUAL: return v -> v.getLong(slot) == ref;
            case NOT_EQUAL: return v -> v.getLong(slot) != ref;
            case LESS: return v -> v.getLong(slot) < ref;
            case GREATER_OR_EQUAL: return v -> v.getLong(slot) >= ref;
            case GREATER: return v -> v.getLong(slot) > ref;
            case LESS_OR_EQUAL: return v -> v.getLong(slot) <= ref;
            default: throw notForType(c, "numbers");
        }
    }

    private static RowTest floating(FilterExpr.Condition c, int slot) throws LivestatusError {
        double ref = number(c);
        switch (c.operator()) {
            case EQUAL: return v -> v.getDouble(slot) == ref;
            case NOT_EQUAL: return v -> v.getDouble(slot) != ref;
            case LESS: return v -> v.getDouble(slot) < ref;
            case GREATER_OR_EQUAL: return v -> v.getDouble(slot) >= ref;
            case GREATER: return v -> v.getDouble(slot) > ref;
            case LESS_OR_EQUAL: return v -> v.getDouble(slot) <= ref;
            default: throw notForType(c, "numbers");
        }
    }

    /** The condition's value as a number; Livestatus reads a missing one as 0. */
    private static double number(FilterExpr.Condition c) throws LivestatusError {
        String v = c.value().strip();
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw LivestatusError.badRequest(c.header() + ": invalid value '" + RequestParser.abbreviate(v)
                    + "' for column '" + c.column() + "': expected a number");
        }
    }

    static RowTest string(FilterExpr.Condition c, int slot) throws LivestatusError {
        StringTest test = stringTest(c, c.value());
        return v -> test.test(v.getString(slot));
    }

    /** A test of one string against the condition's operator and {@code ref} (also used on dict values). */
    static StringTest stringTest(FilterExpr.Condition c, String ref) throws LivestatusError {
        StringTest positive;
        switch (c.operator().positive()) {
            case EQUAL:
                positive = ref::equals;
                break;
            case EQUAL_ICASE:
                positive = ref::equalsIgnoreCase;
                break;
            case REGEX:
            case REGEX_ICASE:
                Pattern p = regex(c, ref);
                positive = s -> p.matcher(s).find();
                break;
            case LESS:
                positive = s -> s.compareTo(ref) < 0;
                break;
            default:
                positive = s -> s.compareTo(ref) > 0;
                break;
        }
        if (!c.operator().isNegated()) {
            return positive;
        }
        return s -> !positive.test(s);
    }

    /** The condition's regular expression, case-insensitive for {@code ~~}; 400 when it does not compile. */
    static Pattern regex(FilterExpr.Condition c, String ref) throws LivestatusError {
        try {
            return Pattern.compile(ref, c.operator().ignoresCase()
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw LivestatusError.badRequest(c.header() + ": invalid regular expression '"
                    + RequestParser.abbreviate(ref) + "': " + e.getDescription());
        }
    }

    static LivestatusError notForType(FilterExpr.Condition c, String what) {
        return LivestatusError.badRequest(c.header() + ": operator '" + c.operator().text()
                + "' is not defined for " + what + " (column '" + c.column() + "')");
    }

    /** A test of one string. */
    @FunctionalInterface
    interface StringTest {
        boolean test(String s);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
