package org.vigil.checks.builtin.curl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.checks.builtin.http.BodyRegex;
import org.vigil.checks.builtin.http.PluginArguments;
import org.vigil.checks.builtin.http.PluginArguments.Unsupported;

/**
 * Reads check_curl's arguments as its getopt_long loop does, for the options Vigil supports; anything else (an
 * option not listed here, a value the plugin would reject with its usage text, a value libcurl would read its own
 * way) is an {@link Unsupported} naming it, so the real plugin runs.
 */
final class CurlArguments {

    static final int STATE_OK = 0;
    static final int STATE_WARNING = 1;
    static final int STATE_CRITICAL = 2;
    static final int STATE_UNKNOWN = 3;

    private static final PluginArguments ARGUMENTS = new PluginArguments("check_curl",
            PluginArguments.HTTP_LONG_OPTIONS, "HIupesrRwctCfjkabTA");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    /** A path libcurl sends as given: no spaces, fragments, dot segments or bytes it would encode. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_\\-.~%/?=&+,;:!*'()@$]*");
    private static final Pattern DOT_SEGMENT = Pattern.compile("/\\.\\.?(/|$|\\?)");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z0-9-]+): [\\x21-\\x7e][\\x20-\\x7e]*");
    /** Headers libcurl writes itself or reads specially when given: -k with them is left to the plugin. */
    private static final Set<String> CURL_HEADERS = Set.of("host", "accept", "user-agent", "authorization",
            "connection", "content-type", "content-length", "transfer-encoding", "expect", "cookie", "referer",
            "range", "proxy-authorization", "proxy-connection", "te", "accept-encoding");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Map<String, Integer> REDIRECT_STATES = Map.of(
            "ok", STATE_OK, "warning", STATE_WARNING, "critical", STATE_CRITICAL, "unknown", STATE_UNKNOWN);

    private final boolean utf8Locale;
    private final String defaultUserAgent;
    private String hostName = "";
    private String address = "";
    private String url = "/";
    private int port = 80;
    private boolean portGiven;
    private int virtualPort;
    private String method = "GET";
    private String userAgent;
    private final List<String> headers = new ArrayList<>();
    private String basicAuth = "";
    private String contentType = "";
    private boolean ssl;
    private Optional<CurlOptions.CertificateDays> certificateDays = Optional.empty();
    private String expect = "";
    private String bodyString = "";
    private Optional<BodyRegex> bodyRegex = Optional.empty();
    private int onRedirect = STATE_OK;
    private Optional<Double> warning = Optional.empty();
    private Optional<Double> critical = Optional.empty();
    private int timeout = 10;
    private boolean follow;
    private boolean stickyHost;
    private boolean stickyPort;
    private int maxRedirects = 15;

    private CurlArguments(boolean utf8Locale, String defaultUserAgent) {
        this.utf8Locale = utf8Locale;
        this.defaultUserAgent = defaultUserAgent;
        this.userAgent = defaultUserAgent;
    }

    /**
     * The check {@code args} ask for; {@code utf8Locale} when the plugin would run in a UTF-8 locale,
     * {@code userAgent} the User-Agent the plugin sends by default (it names libcurl's version).
     */
    static CurlOptions parse(List<String> args, boolean utf8Locale, String userAgent) throws Unsupported {
        CurlArguments a = new CurlArguments(utf8Locale, userAgent);
        a.read(args);
        return a.options();
    }

    private void read(List<String> args) throws Unsupported {
        ARGUMENTS.read(args, arg -> {
            if (arg.equals("-S") || arg.equals("--ssl")) {
                enableSsl();
                return true;
            }
            // --sni is parsed and ignored by the plugin: libcurl names a host name in its hello anyway
            return arg.equals("--sni");
        }, this::apply);
    }

    private void apply(char option, String value) throws Unsupported {
        switch (option) {
            case 'H' -> hostName(value);
            case 'I' -> address = host(value, "-I");
            case 'u' -> url = path(value);
            case 'p' -> {
                port = ARGUMENTS.portNumber(value);
                portGiven = true;
            }
            case 'e' -> expect = printable(value, "-e");
            case 's' -> bodyString = printable(value, "-s");
            case 'r', 'R' -> bodyRegex = Optional.of(BodyRegex.of(value, option == 'R', utf8Locale)
                    .orElseThrow(() -> ARGUMENTS.unsupported("the regex " + value + " is not built in")));
            case 'w' -> warning = Optional.of(ARGUMENTS.seconds(value, "-w"));
            case 'c' -> critical = Optional.of(ARGUMENTS.seconds(value, "-c"));
            case 't' -> timeout = ARGUMENTS.nonNegative(value, "-t");
            case 'C' -> certificate(value);
            case 'f' -> onRedirect(value);
            case 'j' -> method(value);
            case 'k' -> headers.add(header(value));
            case 'a' -> basicAuth(value);
            case 'b' -> printable(value, "-b"); // libcurl sends proxy credentials only through a proxy
            case 'T' -> contentType = printable(value, "-T"); // sent only with POST and PUT
            case 'A' -> userAgent = printable(value, "-A");
            case 'X' -> maxRedirects = ARGUMENTS.nonNegative(value, "--max-redirs");
            default -> throw ARGUMENTS.unsupported("option -" + option + " is not built in");
        }
    }

    private void hostName(String value) throws Unsupported {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!HOST_NAME.matcher(name).matches()) {
            throw ARGUMENTS.unsupported("-H " + value + " (IPv6, empty or unusual) is not built in");
        }
        hostName = name;
        if (colon >= 0) {
            virtualPort = ARGUMENTS.portNumber(value.substring(colon + 1));
        }
    }

    private void enableSsl() {
        ssl = true;
        if (!portGiven) {
            port = 443;
        }
    }

    private void certificate(String value) throws Unsupported {
        int comma = value.indexOf(',');
        certificateDays = Optional.of(comma < 0
                ? new CurlOptions.CertificateDays(ARGUMENTS.nonNegative(value, "-C"), 0)
                : new CurlOptions.CertificateDays(ARGUMENTS.nonNegative(value.substring(0, comma), "-C"),
                        ARGUMENTS.nonNegative(value.substring(comma + 1), "-C")));
        enableSsl();
    }

    /** The plugin's -f: follow keeps the stickiness an earlier sticky set, as its switch does. */
    private void onRedirect(String value) throws Unsupported {
        switch (value) {
            case "follow" -> follow = true;
            case "sticky", "stickyport" -> {
                follow = true;
                stickyHost = true;
                stickyPort = value.equals("stickyport");
            }
            default -> {
                Integer state = REDIRECT_STATES.get(value);
                if (state == null) {
                    throw ARGUMENTS.unsupported("-f " + value + " is not built in (libcurl's own following runs the "
                            + "plugin)");
                }
                follow = false;
                onRedirect = state;
            }
        }
    }

    private void method(String value) throws Unsupported {
        if (!METHODS.contains(value)) {
            throw ARGUMENTS.unsupported("-j " + value + " is not built in");
        }
        method = value;
    }

    private static String header(String value) throws Unsupported {
        var m = HEADER.matcher(value);
        if (!m.matches() || CURL_HEADERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            throw ARGUMENTS.unsupported("-k " + value + " is not built in (libcurl reads that header its own way)");
        }
        return value;
    }

    private void basicAuth(String value) throws Unsupported {
        if (value.indexOf(':') < 1) {
            throw ARGUMENTS.unsupported("-a without user:password is not built in");
        }
        basicAuth = printable(value, "-a");
    }

    private static String path(String value) throws Unsupported {
        if (!PLAIN_PATH.matcher(value).matches() || DOT_SEGMENT.matcher(value).find()) {
            throw ARGUMENTS.unsupported("-u " + value + " is not built in (libcurl would rewrite or refuse it)");
        }
        return value;
    }

    private static String host(String value, String option) throws Unsupported {
        if (!HOST_NAME.matcher(value).matches()) {
            throw ARGUMENTS.unsupported(option + " " + value + " is not built in (IPv6 or unusual)");
        }
        if (value.matches("[0-9.]+") && !CurlOptions.isIpv4(value)) {
            throw ARGUMENTS.unsupported(option + " " + value + " is not an IPv4 address libcurl reads as Vigil does");
        }
        return value;
    }

    private static String printable(String value, String option) throws Unsupported {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw ARGUMENTS.unsupported(option + " empty or with non-ASCII text is not built in");
        }
        return value;
    }

    private CurlOptions options() throws Unsupported {
        if (hostName.isEmpty() && address.isEmpty()) {
            throw ARGUMENTS.unsupported("neither -H nor -I");
        }
        if (address.isEmpty()) {
            address = host(hostName, "-H");
        }
        int socketTimeout = timeout;
        if (critical.isPresent() && critical.get() > socketTimeout) {
            socketTimeout = (int) (double) critical.get() + 1;
        }
        if (socketTimeout == 0) {
            throw ARGUMENTS.unsupported("-t 0 (no timeout) is not built in");
        }
        if (virtualPort == 0) {
            virtualPort = port;
        } else if (!portGiven && port == (ssl ? 443 : 80)) {
            port = virtualPort;
        }
        if (userAgent.isEmpty()) {
            throw ARGUMENTS.unsupported("libcurl's version is unknown");
        }
        Optional<CurlOptions.Follow> following = follow
                ? Optional.of(new CurlOptions.Follow(stickyHost, stickyPort, maxRedirects)) : Optional.empty();
        return new CurlOptions(address, hostName, port, virtualPort, url, method, userAgent, List.copyOf(headers),
                basicAuth, contentType, ssl, certificateDays, expect, bodyString, bodyRegex, onRedirect, warning,
                critical, socketTimeout, following);
    }
}
