package org.vigil.checks.builtin.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * check_dig built in. The plugin runs {@code dig -p PORT @SERVER NAME TYPE +retry=2 +time=T/2+2} under an alarm of
 * {@code -t} seconds and reads dig's output from its {@code ;; ANSWER SECTION:} line on: the first line containing
 * {@code -a} (else {@code -l}), case aside, is the answer (OK, tabs made spaces); none is WARNING "Server not found
 * in ANSWER SECTION"; no answer section CRITICAL. The built-in asks the server itself and makes the lines dig would
 * print from that line on (records, the other sections, query time, server, date, size), so the same line matches.
 * A run waits on {@link org.vigil.checks.builtin.io.BuiltinIo}'s datagram thread, not on a thread of its own.
 */
public final class DigCheck implements BuiltinCheck {

    private static final int TRIES = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
            Locale.ROOT);
    private static final int STATE_OK = 0;
    private static final int STATE_WARNING = 1;
    private static final int STATE_CRITICAL = 2;
    private static final int KILLED = 128 + 9;
    private static final String[] STATES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    @Override
    public String plugin() {
        return "check_dig";
    }

    @Override
    public Prepared prepare(List<String> args) {
        DigArguments.Parsed parsed = DigArguments.parse(args);
        if (parsed.arguments().isEmpty()) {
            return new Declined(parsed.why());
        }
        DigArguments a = parsed.arguments().get();
        return new Ready(timeout -> start(a, timeout));
    }

    /** Sends the query and reads the answer as the plugin reads dig's; returns at once. */
    private static CompletableFuture<PluginResult> start(DigArguments a, Duration engineTimeout) {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        long pluginDeadline = startNanos + a.timeoutSeconds() * 1_000_000_000L;
        long engineDeadline = startNanos + engineTimeout.toNanos();
        long tryNanos = (a.timeoutSeconds() / 2 + 2) * 1_000_000_000L;
        return UdpDnsExchange.ask(new InetSocketAddress(a.server(), a.port()), a.query(), a.type(), TRIES, tryNanos,
                Math.min(pluginDeadline, engineDeadline)).thenApply(r -> {
                    if (r.outcome() != UdpDnsExchange.Outcome.DEADLINE) {
                        return report(a, r, start, System.nanoTime() - startNanos);
                    }
                    if (engineDeadline <= pluginDeadline) {
                        return new PluginResult(KILLED, "", "", start, Instant.now(), true, false, null);
                    }
                    return result(STATE_CRITICAL, "CRITICAL - Plugin timed out while executing system call\n", start);
                });
    }

    /** The plugin's reading of dig's output, once the exchange ended before the deadline. */
    private static PluginResult report(DigArguments a, UdpDnsExchange.Result r, Instant start, long elapsedNanos) {
        int state;
        String message;
        if (r.outcome() == UdpDnsExchange.Outcome.ANSWERED) {
            List<String> lines = digLines(a, r, elapsedNanos);
            int at = lines.indexOf(";; ANSWER SECTION:");
            if (at < 0) {
                state = STATE_CRITICAL;
                message = "No ANSWER SECTION found";
            } else {
                state = STATE_WARNING;
                message = "Server not found in ANSWER SECTION";
                String wanted = a.expected().toLowerCase(Locale.ROOT);
                for (String line : lines.subList(at, lines.size())) {
                    if (line.toLowerCase(Locale.ROOT).contains(wanted)) {
                        state = STATE_OK;
                        message = line.replace('\t', ' ');
                        break;
                    }
                }
            }
        } else {
            state = STATE_WARNING;
            message = "dig returned an error status";
        }
        double seconds = elapsedNanos / 1e9;
        if (a.critical().isPresent() && seconds > a.critical().get()) {
            state = STATE_CRITICAL;
        } else if (a.warning().isPresent() && seconds > a.warning().get()) {
            state = STATE_WARNING;
        }
        String out = String.format(Locale.ROOT, "DNS %s - %.3f seconds response time (%s)|time=%fs;%s;%s;%f%n",
                STATES[state], seconds, message, seconds, threshold(a.warning().orElse(null)),
                threshold(a.critical().orElse(null)), 0.0);
        return result(state, out, start);
    }

    private static String threshold(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%f", value);
    }

    private static PluginResult result(int state, String stdout, Instant start) {
        return new PluginResult(state, stdout, "", start, Instant.now(), false, false, null);
    }

    /** dig's output from the answer section on (the plugin reads nothing before it). */
    private static List<String> digLines(DigArguments a, UdpDnsExchange.Result r, long elapsedNanos) {
        DnsMessage m = r.response();
        List<String> lines = new ArrayList<>();
        section(lines, ";; ANSWER SECTION:", m, m.answer());
        section(lines, ";; AUTHORITY SECTION:", m, m.authority());
        section(lines, ";; ADDITIONAL SECTION:", m, m.additional());
        lines.add(";; Query time: " + elapsedNanos / 1_000_000 + " msec");
        String transport = r.tcp() ? "TCP" : "UDP";
        lines.add(";; SERVER: " + a.server() + "#" + a.port() + "(" + a.server() + ") (" + transport + ")");
        lines.add(";; WHEN: " + WHEN.format(ZonedDateTime.now()));
        lines.add(";; MSG SIZE  rcvd: " + m.bytes().length);
        lines.add("");
        return lines;
    }

    private static void section(List<String> lines, String heading, DnsMessage m, List<DnsRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        lines.add(heading);
        for (DnsRecord r : records) {
            lines.add(DigRecordFormat.line(m, r));
        }
        lines.add("");
    }
}
