package org.vigil.checks.builtin.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * check_dns built in. The plugin runs {@code nslookup NAME SERVER} under an alarm of {@code -t} seconds and reads
 * its lines: addresses after a {@code Name:} line, "Non-authoritative answer:", and a scan of each line for
 * nslookup's error texts (a "can't find" line means the name was not found, whatever the reason). The built-in asks
 * the server the A and AAAA questions itself, makes the lines nslookup would print ({@link NslookupOutput}) and
 * reads them as the plugin does, so both read the same text. A run waits on {@link
 * org.vigil.checks.builtin.io.BuiltinIo}'s datagram thread, not on a thread of its own.
 */
public final class CheckDnsCheck implements BuiltinCheck {

    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final int TRIES = 3;
    private static final long TRY_NANOS = 5_000_000_000L;
    private static final int KILLED = 128 + 9;
    private static final int OK = 0;
    private static final int WARNING = 1;
    private static final int CRITICAL = 2;
    private static final String[] STATES = {"OK", "WARNING", "CRITICAL"};

    private final Path resolvConf;

    public CheckDnsCheck() {
        this(RESOLV_CONF);
    }

    CheckDnsCheck(Path resolvConf) {
        this.resolvConf = resolvConf;
    }

    @Override
    public String plugin() {
        return "check_dns";
    }

    @Override
    public Prepared prepare(List<String> args) {
        CheckDnsArguments.Parsed parsed = CheckDnsArguments.parse(args);
        if (parsed.arguments().isEmpty()) {
            return new Declined(parsed.why());
        }
        Optional<String> resolver = resolverSetting();
        if (resolver.isPresent()) {
            return new Declined("check_dns: " + resolvConf + " has '" + resolver.get() + "', which nslookup applies");
        }
        CheckDnsArguments a = parsed.arguments().get();
        return new Ready(timeout -> start(a, timeout));
    }

    /** A search list, a domain or options in resolv.conf change what nslookup asks: the plugin runs then. */
    private Optional<String> resolverSetting() {
        try {
            return Files.readAllLines(resolvConf).stream().map(String::strip)
                    .filter(l -> l.startsWith("search") || l.startsWith("domain") || l.startsWith("options"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks the A and AAAA questions and reads nslookup's lines as the plugin does; returns at once. */
    private static CompletableFuture<PluginResult> start(CheckDnsArguments a, Duration engineTimeout) {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        long pluginDeadline = startNanos + a.timeoutSeconds() * 1_000_000_000L;
        long engineDeadline = startNanos + engineTimeout.toNanos();
        long deadline = Math.min(pluginDeadline, engineDeadline);
        InetSocketAddress server = new InetSocketAddress(a.server(), 53);
        return NslookupOutput.of(a.query(), a.server(),
                type -> UdpDnsExchange.ask(server, a.query(), type, TRIES, TRY_NANOS, deadline)).thenApply(lines -> {
                    if (lines.isEmpty()) {
                        if (engineDeadline <= pluginDeadline) {
                            return new PluginResult(KILLED, "", "", start, Instant.now(), true, false, null);
                        }
                        return result(CRITICAL, "CRITICAL - Plugin timed out while executing system call\n", start);
                    }
                    double seconds = (System.nanoTime() - startNanos) / 1e9;
                    try {
                        return read(a, lines.get(), seconds, start);
                    } catch (Died d) {
                        return result(d.state, d.text, start);
                    }
                });
    }

    /** The plugin's reading of nslookup's lines and its verdict. */
    private static PluginResult read(CheckDnsArguments a, List<String> lines, double seconds, Instant start) {
        List<String> addresses = new ArrayList<>();
        boolean nonAuthoritative = false;
        boolean parseAddress = false;
        boolean[] nxdomain = {false};
        int result = OK;
        String msg = null;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains(".in-addr.arpa") || lower.contains(".ip6.arpa")) {
                int at = line.indexOf("name = ");
                if (at >= 0) {
                    addresses.add(line.substring(at + 7));
                } else {
                    msg = "Warning plugin error";
                    result = WARNING;
                }
            }
            if (line.contains("Server:")) {
                String value = line.substring(line.indexOf(':') + 1).replaceFirst("^\t*", "").stripTrailing();
                if (!value.equals(a.server())) {
                    throw new Died(CRITICAL, "DNS CRITICAL - No response from DNS " + a.server() + "\n");
                }
            }
            if (line.contains("Name:")) {
                parseAddress = true;
            } else if (parseAddress && (line.contains("Address:") || line.contains("Addresses:"))) {
                addresses.add(line.substring(line.indexOf(':') + 1).replaceFirst("^ *", "").stripTrailing());
            } else if (line.contains("Non-authoritative answer:")) {
                nonAuthoritative = true;
            }
            result = NslookupErrors.scan(line, a.server(), nxdomain);
            if (result != OK) {
                int colon = line.indexOf(':');
                msg = colon < 0 ? null : line.substring(colon + 1);
                break;
            }
        }
        if (nxdomain[0] && !a.expectNxdomain()) {
            throw new Died(CRITICAL, "Domain '" + a.query() + "' was not found by the server\n");
        }
        addresses.sort(null);
        String address = String.join(",", addresses);
        if (result == OK && !a.expected().isEmpty()) {
            result = expectedAddresses(a, addresses);
            if (result == CRITICAL) {
                msg = "expected '" + String.join("; ", a.expected()) + "' but got '" + address + "'";
            }
        }
        if (a.expectNxdomain()) {
            if (!nxdomain[0]) {
                result = CRITICAL;
                msg = "Domain '" + a.query() + "' was found by the server: '" + address + "'\n";
            } else {
                address = "NXDOMAIN";
            }
        }
        if (result == OK && a.expectAuthority() && nonAuthoritative) {
            result = CRITICAL;
            msg = "server " + a.server() + " is not authoritative for " + a.query();
        }
        if (result != OK) {
            String text = msg == null || msg.isEmpty() ? " Probably a non-existent host/domain" : msg;
            return result(result, "DNS " + STATES[result] + " - " + text + "\n", start);
        }
        return result(timeState(a, seconds), okLine(a, seconds, address), start);
    }

    private static int expectedAddresses(CheckDnsArguments a, List<String> addresses) {
        boolean any = false;
        boolean everyExpected = true;
        boolean[] matched = new boolean[addresses.size()];
        for (String e : a.expected()) {
            boolean found = false;
            for (int j = 0; j < addresses.size(); j++) {
                if (addresses.get(j).equals(e)) {
                    found = true;
                    matched[j] = true;
                }
            }
            any |= found;
            everyExpected &= found;
        }
        boolean everyAddress = true;
        for (boolean m : matched) {
            everyAddress &= m;
        }
        if (!any || a.allMatch() && (!everyExpected || !everyAddress)) {
            return CRITICAL;
        }
        return OK;
    }

    private static int timeState(CheckDnsArguments a, double seconds) {
        if (a.critical().isPresent() && seconds > a.critical().get()) {
            return CRITICAL;
        }
        return a.warning().isPresent() && seconds > a.warning().get() ? WARNING : OK;
    }

    private static String okLine(CheckDnsArguments a, double seconds, String address) {
        String unit = (long) seconds == 1 ? "second" : "seconds";
        return String.format(Locale.ROOT, "DNS %s: %.3f %s response time. %s returns %s|time=%fs;%s;%s;%f%n",
                STATES[timeState(a, seconds)], seconds, unit, a.query(), address, seconds,
                a.warning().map(w -> String.format(Locale.ROOT, "%f", w)).orElse(""),
                a.critical().map(c -> String.format(Locale.ROOT, "%f", c)).orElse(""), 0.0);
    }

    private static PluginResult result(int state, String stdout, Instant start) {
        return new PluginResult(state, stdout, "", start, Instant.now(), false, false, null);
    }

    /** The plugin's die(): this text and state, at once. */
    static final class Died extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int state;
        final String text;

        Died(int state, String text) {
            super(text, null, false, false);
            this.state = state;
            this.text = text;
        }
    }
}
