package org.vigil.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times, durations and state classes; called from templates as {@code fmt.time(x)}. */
public final class Fmt {

    static final Fmt INSTANCE = new Fmt(ZoneId.systemDefault());

    private final DateTimeFormatter time;
    private final DateTimeFormatter clock;
    private volatile Written lastTime;

    Fmt(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT).withZone(zone);
    }

    /** A date and time with the server's zone ({@code 2026-12-07 15:04:05 UTC}), as the header's clock shows it. */
    public String clock(Instant t) {
        return t == null ? "never" : clock.format(t);
    }

    /** A local date and time, or "never" for null. */
    public String time(Instant t) {
        if (t == null) {
            return "never";
        }
        // a list shows many rows checked in the same second: the last one written is kept (racy but immutable)
        Written last = lastTime;
        long second = t.getEpochSecond();
        if (last == null || last.second != second) {
            last = new Written(second, time.format(Instant.ofEpochSecond(second)));
            lastTime = last;
        }
        return last.text;
    }

    /** A second and how {@link #time} writes it. */
    private record Written(long second, String text) {
    }

    /** A duration as Nagios's CGIs write it: {@code 0d 2h 5m 3s}. */
    public String duration(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 86_400) + "d " + (s % 86_400 / 3_600) + "h " + (s % 3_600 / 60) + "m " + (s % 60) + "s";
    }

    /** How long ago {@code t} was, relative to {@code now}, as {@link #duration}; "never" for null. */
    public String since(Instant t, Instant now) {
        return t == null ? "never" : duration(Duration.between(t, now).getSeconds());
    }

    /** The CSS class of a state name: {@code state-critical}, {@code state-pending}... */
    public String stateClass(String state) {
        if (state == null) {
            return "state-pending";
        }
        return switch (state) {
            case "OK" -> "state-ok";
            case "WARNING" -> "state-warning";
            case "CRITICAL" -> "state-critical";
            case "UNKNOWN" -> "state-unknown";
            case "UP" -> "state-up";
            case "DOWN" -> "state-down";
            case "UNREACHABLE" -> "state-unreachable";
            case "PENDING" -> "state-pending";
            default -> "state-" + state.toLowerCase(Locale.ROOT);
        };
    }

    /** A query parameter value, encoded. */
    public String url(String s) {
        if (s == null) {
            return "";
        }
        return plain(s) ? s : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether {@code s} has only characters that {@link #url} leaves as they are (most object names). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean kept = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '*';
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    /** A path segment, encoded ({@code /} and {@code ;} included). */
    public String seg(String s) {
        return url(s);
    }

    /** The detail page of a host. */
    public String hostUrl(String host) {
        return "/host/" + seg(host);
    }

    /**
     * The detail page of a service. A {@code /} in the description (common: {@code Disk /var}) stays a literal
     * slash, since Jetty refuses an encoded one ({@code %2F}) as an ambiguous path separator; the page's route
     * takes the rest of the path as the description.
     */
    public String serviceUrl(String host, String service) {
        return "/service/" + seg(host) + "/" + seg(service).replace("%2F", "/");
    }

    /** Milliseconds with one decimal. */
    public String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** Seconds with three decimals, as Nagios shows latency and execution time. */
    public String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }
}
