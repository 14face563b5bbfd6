package org.vigil.config.resolve;

import java.util.HashMap;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.Options;

/** Typed reads of one definition's attributes, reporting bad values at the attribute's own line. */
final class Values {

    /** Option letters each kind of option list accepts ({@code a} and {@code n} are always accepted). */
    static final String HOST_NOTIFY = "durfs";
    static final String SERVICE_NOTIFY = "wucrfs";
    static final String HOST_STATES = "odu";
    static final String SERVICE_STATES = "owuc";
    static final String HOST_DEPENDENCY = "odup";
    static final String SERVICE_DEPENDENCY = "owucp";
    static final String HOST_ESCALATION = "dur";
    static final String SERVICE_ESCALATION = "wucr";

    /** {@link #all} of each set of letters above, made once: every service asks for two as fallbacks. */
    private static final Map<String, Options> ALL = allOf(HOST_NOTIFY, SERVICE_NOTIFY, HOST_STATES, SERVICE_STATES,
            HOST_DEPENDENCY, SERVICE_DEPENDENCY, HOST_ESCALATION, SERVICE_ESCALATION);

    private final Definition d;
    private final Diagnostics diags;
    private final ValueCache cache;

    Values(Definition d, Diagnostics diags) {
        this(d, diags, null);
    }

    /** Typed reads that keep what they parse in {@code cache} (null: none), for a builder of many objects. */
    Values(Definition d, Diagnostics diags, ValueCache cache) {
        this.d = d;
        this.diags = diags;
        this.cache = cache;
    }

    String str(String key) {
        return d.get(key);
    }

    String str(String key, String fallback) {
        String v = d.get(key);
        return v == null ? fallback : v;
    }

    boolean bool(String key, boolean fallback) {
        String v = d.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.length() == 1 && (v.charAt(0) == '0' || v.charAt(0) == '1')) {
            return v.charAt(0) == '1'; // the common case, without strip and two comparisons
        }
        String t = v.strip();
        if (t.equals("0") || t.equals("1")) {
            return t.equals("1");
        }
        diags.error(d.where(key), key + " '" + v + "' is not valid (expected 0 or 1)");
        return fallback;
    }

    int integer(String key, int fallback) {
        String v = d.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            diags.error(d.where(key), key + " '" + v + "' is not valid (expected a whole number)");
            return fallback;
        }
    }

    double number(String key, double fallback) {
        Double x = parsedNumber(key);
        return x == null ? fallback : x;
    }

    /** The value as a number of 0 or more; null when unset or not valid (reported). */
    private Double parsedNumber(String key) {
        String v = d.get(key);
        if (v == null) {
            return null;
        }
        Double known = cache == null ? null : cache.number(v);
        if (known != null) {
            return known;
        }
        try {
            double x = Double.parseDouble(v.strip());
            if (x < 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                diags.error(d.where(key), key + " '" + v + "' is not valid (expected a number of 0 or more)");
                return null;
            }
            Double parsed = x;
            if (cache != null) {
                cache.number(v, parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            diags.error(d.where(key), key + " '" + v + "' is not valid (expected a number)");
            return null;
        }
    }

    /**
     * An interval in units of {@code interval_length}: 0 or more as Nagios requires (above 0 where {@code
     * zeroAllowed} is false), and at most {@link #MAX_INTERVAL}, where Nagios is silent: a larger one, times
     * the interval length, overflows the scheduler's clock.
     */
    double interval(String key, double fallback, boolean zeroAllowed) {
        Double x = parsedNumber(key);
        if (x == null) {
            return fallback;
        }
        if (x > MAX_INTERVAL || x == 0 && !zeroAllowed) {
            diags.error(d.where(key), key + " '" + d.get(key) + "' is out of range (expected a number "
                    + (zeroAllowed ? "from 0" : "above 0") + " up to " + (int) MAX_INTERVAL + ")");
            return fallback;
        }
        return x;
    }

    /** Intervals are refused above this: a year of 60-second units. */
    static final double MAX_INTERVAL = 525_600;

    /** A whole number of {@code min} or more. */
    int integer(String key, int fallback, int min) {
        String v = d.get(key);
        int x = integer(key, fallback);
        if (v != null && x < min && x != fallback) {
            diags.error(d.where(key), key + " '" + v + "' is out of range (expected a whole number of "
                    + min + " or more)");
            return fallback;
        }
        return x;
    }

    /** A percentage: 0 to 100 (0 for a flap threshold means the main config's). */
    double percent(String key) {
        Double x = parsedNumber(key);
        if (x != null && x > 100) {
            diags.error(d.where(key), key + " '" + d.get(key) + "' is out of range (expected a percentage from 0"
                    + " to 100)");
            return 0;
        }
        return x == null ? 0 : x;
    }

    /**
     * Parses an option list such as {@code d,u,r}: {@code a} is all of {@code allowed}, {@code n} none.
     * Unset gives {@code fallback}.
     */
    static Options all(String allowed) {
        Options known = ALL.get(allowed);
        return known != null ? known : Options.of(allowed + "a");
    }

    private static Map<String, Options> allOf(String... letters) {
        Map<String, Options> all = new HashMap<>();
        for (String l : letters) {
            all.put(l, Options.of(l + "a"));
        }
        return Map.copyOf(all);
    }

    Options options(String key, String allowed, Options fallback) {
        String v = d.get(key);
        if (v == null) {
            return fallback;
        }
        Options known = cache == null ? null : cache.options(v, allowed);
        if (known != null) {
            return known;
        }
        boolean valid = true;
        StringBuilder letters = new StringBuilder();
        for (String item : Registry.split(v)) {
            String word = item.toLowerCase();
            if (word.equals("a") || word.equals("all")) {
                letters.append(allowed).append('a');
            } else if (word.equals("n") || word.equals("none")) {
                // none: nothing to add
            } else if (word.length() == 1 && allowed.indexOf(word.charAt(0)) >= 0) {
                letters.append(word);
            } else {
                valid = false;
                diags.error(d.where(key), key + " has an unknown option '" + item + "' (expected a comma-separated"
                        + " list of " + String.join(",", allowed.split("")) + ", or a for all, n for none)");
            }
        }
        Options parsed = Options.of(letters.toString());
        if (valid && cache != null) {
            cache.options(v, allowed, parsed);
        }
        return parsed;
    }

    char state(String key, String allowed) {
        String v = d.get(key);
        if (v == null) {
            return 'o';
        }
        String t = v.strip();
        if (t.length() == 1 && allowed.indexOf(t.charAt(0)) >= 0) {
            return t.charAt(0);
        }
        diags.error(d.where(key), key + " '" + v + "' is not valid (expected one of "
                + String.join(", ", allowed.split("")) + ")");
        return 'o';
    }
}
