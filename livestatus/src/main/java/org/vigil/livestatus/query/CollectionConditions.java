package org.vigil.livestatus.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Conditions on list and dict columns. Lists: {@code >=} contains the value, {@code <} does not; {@code <=}
 * contains it ignoring case, {@code >} does not; {@code ~}/{@code ~~} some element matches, {@code !~}/{@code !~~}
 * none does; {@code =}/{@code !=} (and {@code =~}/{@code !=~}) with an empty value test for an empty list, and with
 * any other value are refused (Livestatus implements list equality only for emptiness). An element that is itself
 * a list (the {@code *_with_info} columns) is compared by its first item, the id or name. Dicts
 * ({@code custom_variables}): {@code KEY value}, the value compared with the variable's (empty when absent) as a
 * string is.
 */
final class CollectionConditions {

    private CollectionConditions() {
    }

    static RowTest list(FilterExpr.Condition c, int slot) throws LivestatusError {
        String ref = c.value();
        Operator op = c.operator();
        switch (op.positive()) {
            case EQUAL:
            case EQUAL_ICASE:
                if (!ref.isEmpty()) {
                    throw LivestatusError.badRequest(c.header() + ": operator '" + op.text() + "' on list column '"
                            + c.column() + "' tests only for emptiness: expected no value");
                }
                boolean wantEmpty = !op.isNegated();
                return v -> elements(v.get(slot)).isEmpty() == wantEmpty;
            case LESS:
                return v -> contains(elements(v.get(slot)), ref, false) == op.isNegated();
            case GREATER:
                return v -> contains(elements(v.get(slot)), ref, true) == op.isNegated();
            default:
                Pattern p = Conditions.regex(c, ref);
                return v -> anyMatches(elements(v.get(slot)), p) != op.isNegated();
        }
    }

    static RowTest dict(FilterExpr.Condition c, int slot) throws LivestatusError {
        String text = c.value().strip();
        int space = text.indexOf(' ');
        String key = space < 0 ? text : text.substring(0, space);
        String ref = space < 0 ? "" : text.substring(space + 1).stripLeading();
        Conditions.StringTest test = Conditions.stringTest(c, ref);
        return v -> test.test(variable(v.get(slot), key));
    }

    private static String variable(Object dict, String key) {
        if (dict instanceof Map<?, ?> m) {
            Object value = m.get(key);
            return value == null ? "" : value.toString();
        }
        return "";
    }

    private static Collection<?> elements(Object value) {
        return value instanceof Collection<?> c ? c : List.of();
    }

    private static boolean contains(Collection<?> list, String ref, boolean ignoreCase) {
        for (Object e : list) {
            String s = element(e);
            if (ignoreCase ? s.equalsIgnoreCase(ref) : s.equals(ref)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(Collection<?> list, Pattern p) {
        for (Object e : list) {
            if (p.matcher(element(e)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String element(Object e) {
        if (e instanceof List<?> l) {
            return l.isEmpty() ? "" : String.valueOf(l.get(0));
        }
        return String.valueOf(e);
    }
}
