package org.vigil.web.pages;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.ListQuery;
import org.vigil.model.CheckView;
import org.vigil.model.ProblemHandling;

/**
 * The query of a list page, checked: the filters ({@code state} and {@code handled}, both repeatable;
 * {@code state_type}, {@code host}, {@code service}, {@code hostgroup}, {@code servicegroup}, {@code text}), the
 * sort ({@code sort}, {@code order}), the page ({@code page}, {@code per_page}) and the format ({@code format}:
 * {@code html} or {@code csv}). A bad value is a 400 naming what is expected. Also writes the links that change
 * one of them and keep the rest, and the JSON API's URL of the same list.
 */
public final class ListParams {

    /**
     * Rows per page unless {@code per_page} says otherwise: 100,000 services never make one huge page. 100 as Nagios
     * 4's CGIs ({@code result_limit=100} in cgi.cfg) and Thruk show by default; writing the rows is most of a list's
     * answer (500 rows, about 400 kB of HTML, kept /problems over 100 ms p99 with 20 clients at 100,000 services).
     */
    public static final int PER_PAGE = 100;
    static final int MAX_PER_PAGE = 5000;

    static final Set<String> HOST_STATES = Set.of("UP", "DOWN", "UNREACHABLE", "PENDING");
    static final Set<String> SERVICE_STATES = Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN", "PENDING");
    /** The {@code handled} values, as the overview's links give them ({@link org.vigil.model.StateCounts.Count#link}). */
    static final List<String> HANDLED = List.of("unhandled", "acknowledged", "downtime", "handled");

    private final String path;
    private final MultivaluedMap<String, String> raw;
    final Set<String> states = new LinkedHashSet<>();
    final Set<String> handled = new LinkedHashSet<>();
    final Predicate<CheckView> stateType;
    final String host;
    final String service;
    final String hostgroup;
    final String servicegroup;
    final String text;
    final String sort;
    final boolean descending;
    final int page;
    final int perPage;
    final boolean csv;

    private ListParams(String path, MultivaluedMap<String, String> raw, Set<String> kindStates, String dfltSort,
                       Set<String> sorts) {
        this.path = path;
        this.raw = raw;
        for (String value : all("state")) {
            String st = value.toUpperCase(Locale.ROOT);
            if (!HOST_STATES.contains(st) && !SERVICE_STATES.contains(st) && !st.equals("PROBLEM")) {
                throw bad("state '" + value + "' is not one of up, down, unreachable, ok, warning, critical, "
                        + "unknown, pending, problem");
            }
            if (kindStates.contains(st) || st.equals("PROBLEM")) {
                states.add(st);
            }
        }
        for (String value : all("handled")) {
            String h = value.toLowerCase(Locale.ROOT);
            if (!HANDLED.contains(h)) {
                throw bad("handled '" + value + "' is not one of " + String.join(", ", HANDLED));
            }
            handled.add(h);
        }
        this.stateType = api(() -> ListQuery.stateType(one("state_type")));
        this.host = one("host");
        this.service = one("service");
        this.hostgroup = one("hostgroup");
        this.servicegroup = one("servicegroup");
        this.text = one("text");
        String s = one("sort");
        this.sort = s == null ? dfltSort : s.toLowerCase(Locale.ROOT);
        if (!sorts.contains(sort)) {
            throw bad("sort '" + s + "' is not one of " + String.join(", ", sorts));
        }
        String o = one("order");
        if (o != null && !o.equalsIgnoreCase("asc") && !o.equalsIgnoreCase("desc")) {
            throw bad("order '" + o + "' is not one of asc, desc");
        }
        this.descending = o != null && o.equalsIgnoreCase("desc");
        this.page = api(() -> ListQuery.integer("page", one("page"), 1));
        if (page < 1) {
            throw bad("page must be 1 or more, not " + page);
        }
        this.perPage = api(() -> ListQuery.integer("per_page", one("per_page"), PER_PAGE));
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw bad("per_page must be 1 to " + MAX_PER_PAGE + ", not " + perPage);
        }
        String f = one("format");
        if (f != null && !f.equalsIgnoreCase("html") && !f.equalsIgnoreCase("csv")) {
            throw bad("format '" + f + "' is not one of html, csv");
        }
        this.csv = f != null && f.equalsIgnoreCase("csv");
    }

    /**
     * The query of the list at {@code path}; {@code kindStates} are the states of its kind (the others are
     * ignored), {@code sorts} its sort columns, the first of them the default.
     */
    static ListParams of(UriInfo uri, String path, Set<String> kindStates, Set<String> sorts) {
        return new ListParams(path, uri.getQueryParameters(), kindStates, sorts.iterator().next(), sorts);
    }

    /** Whether any filter is set (not counting the sort and the page). */
    boolean filters() {
        return filtered();
    }

    /**
     * Whether the list is its kind's state index as it stands: filtered by {@code state} alone, in the default
     * order (by name). The index holds exactly the objects in those states, in that order.
     */
    boolean stateIndexAlone(String defaultSort) {
        return !states.isEmpty() && handled.isEmpty() && one("state_type") == null && host == null
                && service == null && hostgroup == null && servicegroup == null && text == null
                && sort.equals(defaultSort) && !descending;
    }

    /** Whether host status {@code c} passes the state, state type and handled filters. */
    boolean matches(CheckView c) {
        return matches(c, handling(c));
    }

    /** Whether {@code c}, handled as {@code handling} says ({@link ProblemHandling}), passes those filters. */
    boolean matches(CheckView c, String handling) {
        return matchesState(c) && matchesHandling(handling, handling != null
                && !handling.equals(ProblemHandling.UNHANDLED));
    }

    /** Whether {@code c} passes the state and state type filters. */
    boolean matchesState(CheckView c) {
        if (!states.isEmpty() && !states.contains(c.state()) && !(states.contains("PROBLEM") && c.problem())) {
            return false;
        }
        return stateType.test(c);
    }

    /** Whether a problem handled as {@code handling} ({@link #handling}; {@code handled} if not unhandled) passes. */
    boolean matchesHandling(String handling, boolean isHandled) {
        return handled.isEmpty() || handled.contains(handling) || (handled.contains("handled") && isHandled);
    }

    /**
     * How a host's problem is handled, as the overview counts it ({@link ProblemHandling}): {@code downtime} first,
     * then {@code acknowledged}, else {@code unhandled}; null for UP and PENDING.
     */
    static String handling(CheckView c) {
        return ProblemHandling.of(c, null);
    }

    /** Whether the free text is found in any of {@code fields} (ignoring case); true without text. */
    boolean textIn(String... fields) {
        return text == null || ListQuery.contains(text, fields);
    }

    /** The comparator of the sort column among {@code sorts}, reversed for {@code order=desc}. */
    <T> Comparator<T> comparator(Map<String, Comparator<T>> sorts) {
        Comparator<T> c = sorts.get(sort);
        return descending ? c.reversed() : c;
    }

    /** The page asked for, of {@code matched} (of {@code visible} in all). */
    <T> Paged<T> page(List<T> matched, int visible) {
        return Paged.of(matched, visible, page, perPage, t -> t);
    }

    /** The same, each row shown passed through {@code shown} (which gives it its duration as of the snapshot). */
    <T> Paged<T> page(List<T> matched, int visible, java.util.function.UnaryOperator<T> shown) {
        return Paged.of(matched, visible, page, perPage, shown);
    }

    /**
     * The states a list's filters allow, for picking the index it walks (see {@code Candidates}): null when any
     * state may match; {@code PROBLEM} when only problems can (a {@code handled} filter matches problems only).
     */
    java.util.Collection<String> indexStates() {
        if (!handled.isEmpty() && (states.isEmpty() || states.contains("PROBLEM"))) {
            return List.of("PROBLEM");
        }
        return states.isEmpty() ? null : states;
    }

    /** This list with {@code name} set to {@code value} (null removes it); the page goes back to the first. */
    public String with(String name, String value) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        raw.forEach((k, v) -> q.put(k, new ArrayList<>(v)));
        q.remove("page");
        if (value == null) {
            q.remove(name);
        } else {
            q.put(name, List.of(value));
        }
        return url(q);
    }

    /** The link of the column header {@code column}: sorts by it, the other way round if it is the sort now. */
    public String sortUrl(String column) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        raw.forEach((k, v) -> q.put(k, new ArrayList<>(v)));
        q.remove("page");
        q.put("sort", List.of(column));
        q.put("order", List.of(column.equals(sort) && !descending ? "desc" : "asc"));
        return url(q);
    }

    /** The CSS class of a column header: {@code sorted asc}, {@code sorted desc} or nothing. */
    public String sortClass(String column) {
        return column.equals(sort) ? "sorted " + (descending ? "desc" : "asc") : "";
    }

    /** This list at page {@code n}. */
    public String pageUrl(int n) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        raw.forEach((k, v) -> q.put(k, new ArrayList<>(v)));
        q.put("page", List.of(Integer.toString(n)));
        return url(q);
    }

    /** A single-valued parameter as given, for the filter form ("" when absent). */
    public String value(String name) {
        String v = one(name);
        return v == null ? "" : v;
    }

    /** Whether the repeatable parameter {@code name} has {@code value} (ignoring case), for check boxes. */
    public boolean has(String name, String value) {
        return all(name).stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    /** Whether any filter is set (so the page offers to clear them). */
    public boolean filtered() {
        return !states.isEmpty() || !handled.isEmpty() || one("state_type") != null || host != null
                || service != null || hostgroup != null || servicegroup != null || text != null;
    }

    /**
     * The JSON API's URL of this list's {@code kind} ({@code hosts} or {@code services}) with the same filters and
     * sort where the API has it; {@code kindStates} are the kind's states. On {@code /problems} ({@code problems}
     * true) only problems are asked for; null when the states asked for leave none of this kind.
     */
    public String apiUrl(String kind, Set<String> kindStates, boolean problems) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        List<String> st = states.stream().filter(x -> kindStates.contains(x) || x.equals("PROBLEM")).toList();
        if (!states.isEmpty() && st.isEmpty()) {
            return null;
        }
        if (!st.isEmpty() || problems) {
            q.put("state", List.of(String.join(",", st.isEmpty() ? List.of("PROBLEM") : st).toLowerCase(Locale.ROOT)));
        }
        if (!handled.isEmpty()) {
            q.put("handled", List.of(String.join(",", handled)));
        }
        for (String name : List.of("state_type", "host", "service", "hostgroup", "servicegroup", "text")) {
            if (one(name) != null && !(name.equals("service") && kind.equals("hosts"))) {
                q.put(name, List.of(one(name)));
            }
        }
        String apiSort = kind.equals("hosts") && sort.equals("host") ? "name" : sort;
        if (ListQuery.CHECK_SORTS.contains(apiSort) || apiSort.equals("name")
                || (kind.equals("services") && (apiSort.equals("host") || apiSort.equals("service")))) {
            if (one("sort") != null) {
                q.put("sort", List.of(apiSort));
            }
            if (descending) {
                q.put("order", List.of("desc"));
            }
        }
        return url("/api/v1/" + kind, q);
    }

    /** The parameters {@code names} as given (blank ones left out), each as {@code &name=value}, for a link. */
    String keep(List<String> names) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String name : names) {
            List<String> given = raw.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
            if (!given.isEmpty()) {
                q.put(name, given);
            }
        }
        String u = url("", q);
        return u.isEmpty() ? "" : "&" + u.substring(1);
    }

    private String url(Map<String, List<String>> q) {
        return url(path, q);
    }

    private static String url(String path, Map<String, List<String>> q) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            for (String v : e.getValue()) {
                b.append(sep).append(Fmt.INSTANCE.url(e.getKey())).append('=').append(Fmt.INSTANCE.url(v));
                sep = '&';
            }
        }
        return b.toString();
    }

    /** The non-blank values of a repeatable parameter, each also split at commas. */
    private List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : raw.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** A single-valued parameter, stripped; null when absent or blank (an empty form field means no filter). */
    private String one(String name) {
        String v = raw.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static <T> T api(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiException e) {
            throw bad(e.getMessage());
        }
    }

    static BadRequestException bad(String message) {
        return new BadRequestException(message);
    }
}
