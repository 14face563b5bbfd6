package org.vigil.checks.builtin.http;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.vigil.checks.builtin.BuiltinCheck;

/**
 * Built-in {@code check_http} (monitoring-plugins 2.3.3, as Debian 12 has it): which command lines it takes, and
 * their runs ({@link HttpRun}): one request over a connection of its own on the event loop, the bytes check_http
 * sends ({@link HttpRequestText}), the response read to the server's close, judged by {@link HttpVerdict} or, with
 * {@code -C}, the certificate by {@link CertificateExpiry}. The plugin's {@code -t} (default 10 s) bounds the whole
 * run as its alarm does, with its text; the engine's timeout cuts it shorter.
 */
public final class HttpCheck implements BuiltinCheck {

    private final Clock clock;
    private final Map<String, String> environment;

    /** The built-in with the system clock, deciding about {@code -C}'s date format from this process's locale. */
    public HttpCheck() {
        this(Clock.systemUTC(), System.getenv());
    }

    HttpCheck(Clock clock, Map<String, String> environment) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String plugin() {
        return "check_http";
    }

    @Override
    public Prepared prepare(List<String> args) {
        try {
            HttpOptions options = HttpArguments.parse(args, PluginLocale.utf8(environment));
            boolean localeDependent = options.certificateDays().isPresent() || options.bodyRegex().isPresent();
            if (localeDependent && !PluginLocale.known(environment)) {
                return new Declined("check_http: -C and -r/-R depend on the locale, built in only for C and C.UTF-8");
            }
            return new Ready(timeout -> HttpRun.start(options, clock, timeout));
        } catch (PluginArguments.Unsupported e) {
            return new Declined(e.getMessage());
        }
    }
}
