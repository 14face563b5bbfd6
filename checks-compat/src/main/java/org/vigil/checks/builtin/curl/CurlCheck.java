package org.vigil.checks.builtin.curl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.http.PluginArguments;
import org.vigil.checks.builtin.http.PluginLocale;

/**
 * Built-in {@code check_curl} (monitoring-plugins 2.3.3 with libcurl, as Debian 12 has it): which command lines it
 * takes ({@link CurlArguments}), and their runs ({@link CurlRun}): one transfer as libcurl makes it on the event
 * loop (one more per redirect followed, {@link CurlRedirect}), judged by {@link CurlVerdict}. The User-Agent the
 * plugin sends names the installed libcurl; the built-in reads it from the plugin itself ({@link CurlVersion}) and
 * declines when it cannot.
 */
public final class CurlCheck implements BuiltinCheck {

    /** Where Debian installs the plugin whose version string the built-in sends. */
    static final Path DEBIAN_PLUGIN = Path.of("/usr/lib/nagios/plugins/check_curl");

    private static final CurlVersion DEBIAN_VERSION = new CurlVersion(DEBIAN_PLUGIN);

    private final Clock clock;
    private final Map<String, String> environment;
    private final CurlVersion version;

    /** The built-in with the system clock, this process's locale and Debian's plugin for libcurl's version. */
    public CurlCheck() {
        this(Clock.systemUTC(), System.getenv(), DEBIAN_VERSION);
    }

    CurlCheck(Clock clock, Map<String, String> environment, CurlVersion version) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.version = version;
    }

    @Override
    public String plugin() {
        return "check_curl";
    }

    @Override
    public Prepared prepare(List<String> args) {
        try {
            CurlOptions options = CurlArguments.parse(args, PluginLocale.utf8(environment),
                    version.userAgent().orElse(""));
            boolean localeDependent = options.certificateDays().isPresent() || options.bodyRegex().isPresent();
            if (localeDependent && !PluginLocale.known(environment)) {
                return new Declined("check_curl: -C and -r/-R depend on the locale, built in only for C and C.UTF-8");
            }
            return new Ready(timeout -> CurlRun.start(options, clock, timeout));
        } catch (PluginArguments.Unsupported e) {
            return new Declined(e.getMessage());
        }
    }
}
