package org.vigil.web.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.vigil.model.CheckView;
import org.vigil.model.StatusSnapshot;

/**
 * The query parameters lists share (the JSON API's and the status pages'), checked: {@code state}, {@code state_type}, {@code text}, {@code sort},
 * {@code order}, {@code offset}, {@code limit}. A bad value is a 400 naming what is expected.
 */
public final class ListQuery {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private ListQuery() {
    }

    /**
     * {@code state=CRITICAL,WARNING} (any case); also {@code problem} (checked, not OK/UP) and {@code unhandled}
     * (a service's view as {@link org.vigil.model.StatusSnapshot#stamp} gives it: handled also by its host).
     */
    static Predicate<CheckView> states(String param, Set<String> allowed) {
        if (param == null || param.isBlank()) {
            return c -> true;
        }
        List<String> wanted = Arrays.stream(param.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        for (String w : wanted) {
            if (!allowed.contains(w) && !w.equals("PROBLEM") && !w.equals("UNHANDLED")) {
                throw ApiException.badRequest("state '" + w.toLowerCase(Locale.ROOT) + "' is not one of "
                        + String.join(", ", allowed).toLowerCase(Locale.ROOT) + ", problem, unhandled");
            }
        }
        return c -> wanted.contains(c.state()) || (wanted.contains("PROBLEM") && c.problem())
                || (wanted.contains("UNHANDLED") && c.problem() && !c.handled());
    }

    /**
     * The states {@code param} names, for picking the index a list walks ({@code UNHANDLED} counts as
     * {@code PROBLEM}); null without a state filter. Checked by {@link #states}.
     */
    static List<String> stateNames(String param) {
        if (param == null || param.isBlank()) {
            return null;
        }
        return Arrays.stream(param.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT))
                .map(s -> s.equals("UNHANDLED") ? "PROBLEM" : s).toList();
    }

    /** {@code state_type=soft|hard}. */
    public static Predicate<CheckView> stateType(String param) {
        if (param == null || param.isBlank()) {
            return c -> true;
        }
        String t = param.strip().toUpperCase(Locale.ROOT);
        if (!t.equals("SOFT") && !t.equals("HARD")) {
            throw ApiException.badRequest("state_type '" + param + "' is not one of soft, hard");
        }
        return c -> c.stateType().equals(t);
    }

    /** The {@code handled} values, as the status pages take them. */
    static final List<String> HANDLED = List.of("unhandled", "acknowledged", "downtime", "handled");

    /**
     * {@code handled=unhandled,acknowledged,downtime,handled} (any case): problems handled so, tested on how a problem
     * is handled as {@link org.vigil.model.ProblemHandling} says (null: no problem; downtime counts before
     * acknowledged, as the overview counts them; {@code handled} is either).
     */
    static Predicate<String> handled(String param) {
        if (param == null || param.isBlank()) {
            return h -> true;
        }
        List<String> wanted = Arrays.stream(param.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        for (String w : wanted) {
            if (!HANDLED.contains(w)) {
                throw ApiException.badRequest("handled '" + w + "' is not one of " + String.join(", ", HANDLED));
            }
        }
        return h -> h != null && (wanted.contains("handled") && !h.equals("unhandled") || wanted.contains(h));
    }

    /** Whether any of {@code fields} contains {@code text}, ignoring case. */
    public static boolean contains(String text, String... fields) {
        String needle = text.toLowerCase(Locale.ROOT);
        for (String f : fields) {
            if (f != null && f.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The comparator {@code sort} names among {@code sorts}, reversed for {@code order=desc}. */
    public static <T> Comparator<T> sort(String sort, String order, Map<String, Comparator<T>> sorts, String dflt) {
        String key = sort == null || sort.isBlank() ? dflt : sort.strip().toLowerCase(Locale.ROOT);
        Comparator<T> c = sorts.get(key);
        if (c == null) {
            throw ApiException.badRequest("sort '" + sort + "' is not one of " + String.join(", ", sorts.keySet()));
        }
        if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
            return c;
        }
        if (order.equalsIgnoreCase("desc")) {
            return c.reversed();
        }
        throw ApiException.badRequest("order '" + order + "' is not one of asc, desc");
    }

    /** The sort columns every checkable list offers, in the order {@link #checkSorts} gives them. */
    public static final List<String> CHECK_SORTS = List.of("state", "last_check", "next_check", "duration", "attempt",
            "output");

    /**
     * The sorts every checkable list offers, on its {@link CheckView}; durations as of the snapshot {@code s} (a
     * view keeps the duration of when it was made).
     */
    public static <T> Map<String, Comparator<T>> checkSorts(java.util.function.Function<T, CheckView> status,
                                                            StatusSnapshot s) {
        Map<String, Comparator<T>> m = new LinkedHashMap<>();
        m.put("state", Comparator.comparing(t -> severity(status.apply(t))));
        m.put("last_check", Comparator.comparing(t -> epoch(status.apply(t).lastCheck())));
        m.put("next_check", Comparator.comparing(t -> epoch(status.apply(t).nextCheck())));
        m.put("duration", Comparator.comparingLong(t -> s.durationOf(status.apply(t))));
        m.put("attempt", Comparator.comparingInt(t -> status.apply(t).attempt()));
        m.put("output", Comparator.comparing(t -> status.apply(t).output()));
        return m;
    }

    /** Sorts states as Nagios's CGIs do by severity: OK/UP, then pending, then WARNING, UNKNOWN, CRITICAL / DOWN. */
    public static int severity(CheckView c) {
        return switch (c.state()) {
            case "OK", "UP" -> 0;
            case "PENDING" -> 1;
            case "WARNING" -> 2;
            case "UNKNOWN", "UNREACHABLE" -> 3;
            default -> 4;
        };
    }

    private static long epoch(java.time.Instant t) {
        return t == null ? Long.MIN_VALUE : t.getEpochSecond();
    }

    static int offset(String offset) {
        int n = integer("offset", offset, 0);
        if (n < 0) {
            throw ApiException.badRequest("offset must be 0 or more, not " + n);
        }
        return n;
    }

    static int limit(String limit) {
        int n = integer("limit", limit, DEFAULT_LIMIT);
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be 1 to " + MAX_LIMIT + ", not " + n);
        }
        return n;
    }

    /** Query parameters are taken as text and parsed here, so a bad number is a 400, not Jersey's 404. */
    public static int integer(String name, String value, int dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " '" + value + "' is not a whole number");
        }
    }

    static String names(Set<String> s) {
        return s.stream().collect(Collectors.joining(", "));
    }
}
