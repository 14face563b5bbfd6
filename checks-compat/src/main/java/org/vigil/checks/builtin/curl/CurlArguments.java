package org.vigil.checks.builtin.curl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.checks.builtin.http.BodyRegex;

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

    private static final Map<String, Character> LONG_WITH_VALUE = Map.ofEntries(
            Map.entry("hostname", 'H'), Map.entry("IP-address", 'I'), Map.entry("url", 'u'),
            Map.entry("port", 'p'), Map.entry("expect", 'e'), Map.entry("string", 's'), Map.entry("regex", 'r'),
            Map.entry("ereg", 'r'), Map.entry("eregi", 'R'), Map.entry("warning", 'w'),
            Map.entry("critical", 'c'), Map.entry("timeout", 't'), Map.entry("certificate", 'C'),
            Map.entry("onredirect", 'f'), Map.entry("method", 'j'), Map.entry("header", 'k'),
            Map.entry("authorization", 'a'), Map.entry("proxy-authorization", 'b'),
            Map.entry("content-type", 'T'), Map.entry("useragent", 'A'), Map.entry("max-redirs", 'X'));
    private static final String SHORT_WITH_VALUE = "HIupesrRwctCfjkabTA";
    private static final Pattern NON_NEGATIVE_INT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PLAIN_SECONDS = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6})?");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    /** A path libcurl sends as given: no spaces, fragments, dot segments or bytes it would encode. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_\\-.~%/?=&+,;:!*'()@$]*");
    private static final Pattern DOT_SEGMENT = Pattern.compile("/\\.\\.?(/|$|\\?)");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z0-9-]+): [\\x21-\\x7e][\\x20-\\x7e]*");
    /** Headers libcurl writes itself or reads specially when given: -k with them is left to the plugin. */
    private static final Set<String> CURL_HEADERS = Set.of("host", "accept", "user-agent", "authorization",
            "connection", "content-type", "content-length", "transfer-encoding", "expect", "cookie", "referer",
            "range", "proxy-authorization", "proxy-connection", "te", "accept-encoding");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");
    private static final Map<String, Integer> REDIRECT_STATES = Map.of(
            "ok", STATE_OK, "warning", STATE_WARNING, "critical", STATE_CRITICAL, "unknown", STATE_UNKNOWN);

    /** Why the built-in does not take a command line. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super("check_curl: " + why, null, false, false);
        }
    }

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
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--sni")) {
                continue; // parsed and ignored by the plugin: libcurl always names a host name
            } else if (arg.equals("-S") || arg.equals("--ssl")) {
                enableSsl();
            } else if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                Character option = LONG_WITH_VALUE.get(eq < 0 ? name : name.substring(0, eq));
                if (option == null) {
                    throw new Unsupported("option " + arg + " is not built in");
                }
                apply(option, eq >= 0 ? name.substring(eq + 1) : valueAfter(args, ++i, arg));
            } else if (arg.length() >= 2 && arg.charAt(0) == '-' && SHORT_WITH_VALUE.indexOf(arg.charAt(1)) >= 0
                    && !List.of("-hn", "-to", "-wt", "-ct").contains(arg)) {
                apply(arg.charAt(1), arg.length() > 2 ? arg.substring(2) : valueAfter(args, ++i, arg));
            } else {
                throw new Unsupported("argument " + arg + " is not built in");
            }
        }
    }

    private static String valueAfter(List<String> args, int i, String option) throws Unsupported {
        if (i >= args.size()) {
            throw new Unsupported(option + " without its value");
        }
        return args.get(i);
    }

    private void apply(char option, String value) throws Unsupported {
        switch (option) {
            case 'H' -> hostName(value);
            case 'I' -> address = ipv4(value, "-I");
            case 'u' -> url = path(value);
            case 'p' -> {
                port = portNumber(value);
                portGiven = true;
            }
            case 'e' -> expect = printable(value, "-e");
            case 's' -> bodyString = printable(value, "-s");
            case 'r', 'R' -> bodyRegex = Optional.of(BodyRegex.of(value, option == 'R', utf8Locale)
                    .orElseThrow(() -> new Unsupported("the regex " + value + " is not built in")));
            case 'w' -> warning = Optional.of(seconds(value, "-w"));
            case 'c' -> critical = Optional.of(seconds(value, "-c"));
            case 't' -> timeout = nonNegative(value, "-t");
            case 'C' -> certificate(value);
            case 'f' -> onRedirect(value);
            case 'j' -> method(value);
            case 'k' -> headers.add(header(value));
            case 'a' -> basicAuth(value);
            case 'b' -> printable(value, "-b"); // libcurl sends proxy credentials only through a proxy
            case 'T' -> printable(value, "-T"); // a Content-Type goes only with POST and PUT
            case 'A' -> userAgent = printable(value, "-A");
            case 'X' -> maxRedirects = nonNegative(value, "--max-redirs");
            default -> throw new Unsupported("option -" + option + " is not built in");
        }
    }

    private void hostName(String value) throws Unsupported {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!HOST_NAME.matcher(name).matches()) {
            throw new Unsupported("-H " + value + " (IPv6, empty or unusual) is not built in");
        }
        hostName = name;
        if (colon >= 0) {
            virtualPort = portNumber(value.substring(colon + 1));
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
                ? new CurlOptions.CertificateDays(nonNegative(value, "-C"), 0)
                : new CurlOptions.CertificateDays(nonNegative(value.substring(0, comma), "-C"),
                        nonNegative(value.substring(comma + 1), "-C")));
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
                    throw new Unsupported("-f " + value + " is not built in (libcurl's own following runs the "
                            + "plugin)");
                }
                follow = false;
                onRedirect = state;
            }
        }
    }

    private void method(String value) throws Unsupported {
        if (!METHODS.contains(value)) {
            throw new Unsupported("-j " + value + " is not built in");
        }
        method = value;
    }

    private static String header(String value) throws Unsupported {
        var m = HEADER.matcher(value);
        if (!m.matches() || CURL_HEADERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            throw new Unsupported("-k " + value + " is not built in (libcurl reads that header its own way)");
        }
        return value;
    }

    private void basicAuth(String value) throws Unsupported {
        if (value.indexOf(':') < 1) {
            throw new Unsupported("-a without user:password is not built in");
        }
        basicAuth = printable(value, "-a");
    }

    private static String path(String value) throws Unsupported {
        if (!PLAIN_PATH.matcher(value).matches() || DOT_SEGMENT.matcher(value).find()) {
            throw new Unsupported("-u " + value + " is not built in (libcurl would rewrite or refuse it)");
        }
        return value;
    }

    private static String ipv4(String value, String option) throws Unsupported {
        if (!CurlOptions.isIpv4(value)) {
            throw new Unsupported(option + " " + value + " is not built in (only IPv4 addresses are)");
        }
        return value;
    }

    private static String printable(String value, String option) throws Unsupported {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw new Unsupported(option + " empty or with non-ASCII text is not built in");
        }
        return value;
    }

    private static int nonNegative(String value, String option) throws Unsupported {
        if (!NON_NEGATIVE_INT.matcher(value).matches()) {
            throw new Unsupported(option + " " + value + " is not a number Vigil reads as it does");
        }
        return Integer.parseInt(value);
    }

    private static int portNumber(String value) throws Unsupported {
        int port = nonNegative(value, "port");
        if (port < 1 || port > 65535) {
            throw new Unsupported("port " + value + " is out of range");
        }
        return port;
    }

    private static double seconds(String value, String option) throws Unsupported {
        if (!PLAIN_SECONDS.matcher(value).matches()) {
            throw new Unsupported(option + " " + value + " (a range) is not built in");
        }
        return Double.parseDouble(value);
    }

    private CurlOptions options() throws Unsupported {
        if (hostName.isEmpty() && address.isEmpty()) {
            throw new Unsupported("neither -H nor -I");
        }
        if (address.isEmpty()) {
            address = ipv4(hostName, "-H without -I");
        }
        int socketTimeout = timeout;
        if (critical.isPresent() && critical.get() > socketTimeout) {
            socketTimeout = (int) (double) critical.get() + 1;
        }
        if (socketTimeout == 0) {
            throw new Unsupported("-t 0 (no timeout) is not built in");
        }
        if (virtualPort == 0) {
            virtualPort = port;
        } else if (!portGiven && port == (ssl ? 443 : 80)) {
            port = virtualPort;
        }
        if (userAgent.isEmpty()) {
            throw new Unsupported("libcurl's version is unknown");
        }
        return new CurlOptions(address, hostName, port, virtualPort, url, method, userAgent, List.copyOf(headers),
                basicAuth, ssl, certificateDays, expect, bodyString, bodyRegex, onRedirect, warning, critical,
                socketTimeout, follow ? Optional.of(new CurlOptions.Follow(stickyHost, stickyPort, maxRedirects))
                        : Optional.empty());
    }
}
