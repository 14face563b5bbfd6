package org.vigil.checks.builtin.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * check_http's judgement of a whole response (as read until the server closed, NULs made blanks): the status line
 * against {@code -e} or the status code's class, the body against {@code -s} and {@code -r}, the time against
 * {@code -w}/{@code -c}; and its text, {@code HTTP OK: HTTP/1.1 200 OK - 43 bytes in 0.001 second response time
 * |time=...s;...} with the same splitting of status line, headers and body as the plugin's (which drops the CRs and
 * LFs that start a body, for one).
 */
public final class HttpVerdict {

    private static final Pattern CHUNKED = Pattern.compile("Transfer-Encoding: *chunked *", Pattern.CASE_INSENSITIVE);

    private HttpVerdict() {
    }

    /** A state and the plugin's whole output, or with {@code -f follow} the next request to make instead. */
    record Outcome(int state, String text, Optional<HttpOptions> next) {

        Outcome(int state, String text) {
            this(state, text, Optional.empty());
        }

        static Outcome redirect(HttpOptions next) {
            return new Outcome(HttpArguments.STATE_OK, "", Optional.of(next));
        }
    }

    /** The verdict on {@code response}, the answer to the request after {@code redirects} redirects. */
    static Outcome judge(HttpOptions o, String response, double elapsed, int redirects) {
        Cursor page = new Cursor(response);
        int statusEnd = page.skipTo("\r\n");
        String statusLine = stripEnd(response.substring(0, statusEnd));
        page.skipAll("\r\n");
        int headerStart = page.at;
        int headerEnd = headerStart;
        while (page.spanNot("\r\n") > 0) {
            page.skipTo("\r\n");
            headerEnd = page.at;
            boolean pair = page.spanOf("\r\n") >= 2 && (page.spanOnly('\r') == 1 || page.spanOnly('\n') == 1);
            page.at += pair ? 2 : 1;
        }
        page.at = Math.min(page.at, response.length());
        page.skipAll("\r\n");
        String header = response.substring(headerStart, Math.max(headerStart, headerEnd));
        String body = response.substring(page.at);

        if (!expected(statusLine, o.expect().isEmpty() ? "HTTP/1." : o.expect())) {
            String where = o.port() == 80 ? "" : " on port " + o.port();
            return new Outcome(HttpArguments.STATE_CRITICAL,
                    "HTTP CRITICAL - Invalid HTTP response received from host" + where + ": " + statusLine + "\n");
        }
        int state = HttpArguments.STATE_OK;
        StringBuilder msg = new StringBuilder();
        if (!o.expect().isEmpty()) {
            msg.append("Status line output matched \"").append(o.expect()).append("\" - ");
        } else {
            int space = statusLine.indexOf(' ');
            String code = space < 0 ? "" : statusLine.substring(space + 1);
            if (space < 0 || code.length() < 3 || !digits(code.substring(0, 3))
                    || (code.length() > 3 && Character.isDigit(code.charAt(3)))) {
                return new Outcome(HttpArguments.STATE_CRITICAL,
                        "HTTP CRITICAL: Invalid Status Line (" + statusLine + ")\n");
            }
            int status = Integer.parseInt(code.substring(0, 3));
            if (status >= 600 || status < 100) {
                return new Outcome(HttpArguments.STATE_CRITICAL,
                        "HTTP CRITICAL: Invalid Status (" + statusLine + ")\n");
            } else if (status >= 500) {
                state = HttpArguments.STATE_CRITICAL;
            } else if (status >= 400) {
                state = worst(HttpArguments.STATE_WARNING, state);
            } else if (status >= 300) {
                if (o.follow().isPresent()) {
                    return RedirectLocation.follow(o, header, statusLine, redirects);
                }
                state = worst(o.onRedirect(), state);
            }
            msg.append(statusLine).append(" - ");
        }
        if (CHUNKED.matcher(header).find()) {
            String unchunked = Unchunk.of(body);
            if (unchunked == null) {
                return new Outcome(HttpArguments.STATE_UNKNOWN, "HTTP UNKNOWN: Failed to unchunk message body\n");
            }
            body = unchunked;
        }
        if (!o.bodyString().isEmpty() && !body.contains(o.bodyString())) {
            msg.append("string '").append(shortened(o.bodyString())).append("' not found on '")
                    .append(o.ssl() ? "https" : "http").append("://").append(o.shownHost()).append(':')
                    .append(o.port()).append(o.url()).append("', ");
            state = HttpArguments.STATE_CRITICAL;
        }
        if (o.bodyRegex().isPresent() && !o.bodyRegex().get().matches(body)) {
            msg.append("pattern not found, ");
            state = HttpArguments.STATE_CRITICAL;
        }
        int len = msg.length();
        msg.setLength(msg.charAt(len - 2) == ',' ? len - 2 : len - 3);
        msg.append(String.format(Locale.ROOT, " - %d bytes in %.3f second response time |%s %s", response.length(),
                elapsed, timePerfdata(o, elapsed), "size=" + response.length() + "B;;;0;"));
        state = worst(timeState(o, elapsed), state);
        return new Outcome(state, "HTTP " + stateText(state) + ": " + msg + "\n");
    }

    /**
     * The plugins' expected_statuscode (check_http's and check_curl's): any non-empty comma-separated part of
     * {@code expect} found in the status line.
     */
    public static boolean expected(String statusLine, String expect) {
        for (String code : expect.split(",")) {
            if (!code.isEmpty() && statusLine.contains(code)) {
                return true;
            }
        }
        return false;
    }

    private static String timePerfdata(HttpOptions o, double elapsed) {
        return timePerfdata(elapsed, o.warning(), o.critical(), o.timeoutSeconds());
    }

    /** The plugins' {@code time=...s;W;C;0;T} perfdata (check_http's and check_curl's, -w and -c plain numbers). */
    public static String timePerfdata(double elapsed, Optional<Double> warning, Optional<Double> critical,
                                      int timeoutSeconds) {
        return String.format(Locale.ROOT, "time=%fs;%s;%s;%f;%f", elapsed,
                warning.map(w -> String.format(Locale.ROOT, "%f", w)).orElse(""),
                critical.map(c -> String.format(Locale.ROOT, "%f", c)).orElse(""), 0.0, (double) timeoutSeconds);
    }

    private static int timeState(HttpOptions o, double elapsed) {
        return timeState(elapsed, o.warning(), o.critical());
    }

    /** The state of {@code elapsed} against plain-number thresholds: a number N as a range means alert above N. */
    public static int timeState(double elapsed, Optional<Double> warning, Optional<Double> critical) {
        if (critical.isPresent() && elapsed > critical.get()) {
            return HttpArguments.STATE_CRITICAL;
        }
        if (warning.isPresent() && elapsed > warning.get()) {
            return HttpArguments.STATE_WARNING;
        }
        return HttpArguments.STATE_OK;
    }

    /**
     * The first 29 characters, the last three of them made "..." when it was longer (the plugins' 30-byte buffer for
     * {@code -s} in their texts).
     */
    public static String shortened(String s) {
        return s.length() < 30 ? s : s.substring(0, 26) + "...";
    }

    static int worst(int a, int b) {
        return Math.max(a, b);
    }

    /** The plugins' name of {@code state}: OK, WARNING, CRITICAL, else UNKNOWN. */
    public static String stateText(int state) {
        switch (state) {
            case HttpArguments.STATE_OK:
                return "OK";
            case HttpArguments.STATE_WARNING:
                return "WARNING";
            case HttpArguments.STATE_CRITICAL:
                return "CRITICAL";
            default:
                return "UNKNOWN";
        }
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && " \r\n\t".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** A position in the response, with C's strspn/strcspn over it (its end reads as the terminating NUL). */
    private static final class Cursor {
        private final String s;
        private int at;

        Cursor(String s) {
            this.s = s;
        }

        int spanNot(String set) {
            int i = at;
            while (i < s.length() && set.indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return i - at;
        }

        int spanOf(String set) {
            int i = at;
            while (i < s.length() && set.indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return i - at;
        }

        int spanOnly(char c) {
            return spanOf(String.valueOf(c));
        }

        int skipTo(String set) {
            at = Math.min(s.length(), at + spanNot(set));
            return at;
        }

        void skipAll(String set) {
            at = Math.min(s.length(), at + spanOf(set));
        }
    }
}
