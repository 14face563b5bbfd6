package org.vigil.checks.builtin.curl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.vigil.checks.builtin.http.CertificateExpiry;
import org.vigil.checks.builtin.http.HttpVerdict;

/**
 * check_curl's judgement of a transfer libcurl completed: with {@code -C} the certificate's alone; else the status
 * line against {@code -e} or the status code's class, the body (up to its first NUL, as the plugin's C string
 * reads it) against {@code -s} and {@code -r}, the time against {@code -w}/{@code -c}; and its text,
 * {@code HTTP OK: HTTP/1.1 200 OK - 50 bytes in 0.001 second response time |time=...s;...}. The plugin writes each
 * new remark over the previous one (its {@code snprintf(msg, ..., "%s...", msg)} starts from an emptied buffer in
 * glibc), so only the last remark shows.
 */
final class CurlVerdict {

    private CurlVerdict() {
    }

    /** A state and the plugin's whole output, or with {@code -f follow} the next request to make instead. */
    record Outcome(int state, String text, Optional<CurlOptions> next) {

        Outcome(int state, String text) {
            this(state, text, Optional.empty());
        }
    }

    /** The verdict on {@code r}, the answer to the request after {@code redirects} redirects. */
    static Outcome judge(CurlOptions o, CurlResult.Response r, double total, Instant now, int redirects) {
        if (o.certificateDays().isPresent()) {
            CurlOptions.CertificateDays days = o.certificateDays().get();
            CertificateExpiry.Verdict v = CertificateExpiry.verdict(r.certificate().orElseThrow(), days.warning(),
                    days.critical(), now);
            return new Outcome(v.state(), v.text());
        }
        int pageLength = r.header().length() + r.body().length();
        String perfdata = HttpVerdict.timePerfdata(total, o.warning(), o.critical(), o.timeoutSeconds())
                + " size=" + pageLength + "B;;;0;";
        Optional<String> firstLine = firstLine(r.header());
        Optional<CurlStatusLine.Parsed> status = firstLine.flatMap(CurlStatusLine::parse);
        if (status.isEmpty()) {
            return critical("HTTP CRITICAL HTTP/x.x 0 unknown - Unparsable status line in " + threeDigits(total)
                    + " seconds response time|" + perfdata + "\n");
        }
        CurlStatusLine.Parsed line = status.get();
        if (!HttpVerdict.expected(firstLine.get(), o.expect().isEmpty() ? "HTTP/" : o.expect())) {
            String where = o.port() == 80 ? "" : " on port " + o.port();
            return critical("HTTP CRITICAL - Invalid HTTP response received from host" + where + ": "
                    + firstLine.get() + "\n");
        }
        int state = CurlArguments.STATE_OK;
        String msg = "";
        if (!o.expect().isEmpty()) {
            msg = "Status line output matched \"" + o.expect() + "\" - ";
        } else if (r.code() >= 600 || r.code() < 100) {
            String shown = line.message().length() > 40 ? line.message().substring(0, 40) : line.message();
            return critical("HTTP CRITICAL: Invalid Status (" + line.code() + ", " + shown + ")\n");
        } else if (r.code() >= 500) {
            state = CurlArguments.STATE_CRITICAL;
        } else if (r.code() >= 400) {
            state = CurlArguments.STATE_WARNING;
        } else if (r.code() >= 300) {
            if (o.follow().isPresent()) {
                CurlRedirect.Step step = CurlRedirect.follow(o, r.header(), redirects);
                return step.end().orElseGet(() -> new Outcome(CurlArguments.STATE_OK, "", step.next()));
            }
            state = Math.max(o.onRedirect(), state);
        }
        if (line.code() != r.code()) {
            return critical("HTTP CRITICAL " + line.version() + " " + line.code() + " " + line.message()
                    + " - different HTTP codes (cUrl has " + r.code() + ")\n");
        }
        int nul = r.body().indexOf('\0');
        String body = nul < 0 ? r.body() : r.body().substring(0, nul);
        if (!o.bodyString().isEmpty() && !body.contains(o.bodyString())) {
            msg = "string '" + HttpVerdict.shortened(o.bodyString()) + "' not found on '"
                    + (o.ssl() ? "https" : "http") + "://" + o.shownHost() + ":" + o.port() + o.url() + "', ";
            state = CurlArguments.STATE_CRITICAL;
        }
        if (o.bodyRegex().isPresent() && !o.bodyRegex().get().matches(body)) {
            msg = "pattern not found, ";
            state = CurlArguments.STATE_CRITICAL;
        }
        state = Math.max(HttpVerdict.timeState(total, o.warning(), o.critical()), state);
        if (msg.length() >= 2) {
            msg = msg.substring(0, msg.length() - (msg.charAt(msg.length() - 2) == ',' ? 2 : 3));
        }
        return new Outcome(state, String.format(Locale.ROOT,
                "HTTP %s: %s %d %s%s%s - %d bytes in %.3f second response time |%s\n",
                HttpVerdict.stateText(state), line.version(), line.code(), line.message(),
                msg.isEmpty() ? "" : " - ", msg, pageLength, total, perfdata));
    }

    /** The last status line's text: from the last CRLF followed by {@code HTTP/}, to the next CRLF. */
    private static Optional<String> firstLine(String header) {
        int last = header.lastIndexOf("\r\nHTTP/");
        String from = last < 0 ? header : header.substring(last + 2);
        int end = from.indexOf("\r\n");
        return end < 0 ? Optional.empty() : Optional.of(from.substring(0, end));
    }

    /** C's {@code %.3g} for a response time (seconds, not negative). */
    private static String threeDigits(double seconds) {
        if (seconds == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(seconds).round(new MathContext(3));
        if (rounded.compareTo(new BigDecimal("0.0001")) < 0) {
            return String.format(Locale.ROOT, "%.2e", seconds).replaceAll("\\.?0+e", "e");
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static Outcome critical(String text) {
        return new Outcome(CurlArguments.STATE_CRITICAL, text);
    }
}
