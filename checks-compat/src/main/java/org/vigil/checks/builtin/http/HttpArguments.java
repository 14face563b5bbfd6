package org.vigil.checks.builtin.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.builtin.http.PluginArguments.Unsupported;

/**
 * Reads check_http's arguments as its getopt_long loop does, for the options Vigil supports; anything else (an
 * option not listed here, a value the plugin would reject with its usage text, a form Vigil reads differently)
 * is an {@link Unsupported} naming it, so the real plugin runs.
 */
final class HttpArguments {

    static final String VERSION = "v2.3.3 (monitoring-plugins 2.3.3)";
    static final int STATE_OK = 0;
    static final int STATE_WARNING = 1;
    static final int STATE_CRITICAL = 2;
    static final int STATE_UNKNOWN = 3;

    /** Options with a value, long (getopt's {"hostname", required_argument}): both plugins' and {@code --post}. */
    private static final Map<String, Character> LONG_WITH_VALUE = withPost();
    private static final PluginArguments ARGUMENTS = new PluginArguments("check_http", LONG_WITH_VALUE,
            "HIupesrRwctCfjkabTPA");
    private static final Map<String, Integer> REDIRECT_STATES = Map.of(
            "ok", STATE_OK, "warning", STATE_WARNING, "critical", STATE_CRITICAL, "unknown", STATE_UNKNOWN);

    private String hostName = "";
    private String address = "";
    private String url = "/";
    private int port = 80;
    private boolean portGiven;
    private int virtualPort;
    private String method = "";
    private String postData = "";
    private String contentType = "";
    private String userAgent = "User-Agent: check_http/" + VERSION;
    private final List<String> headers = new ArrayList<>();
    private String basicAuth = "";
    private String proxyAuth = "";
    private boolean ssl;
    private boolean sni;
    private Optional<HttpOptions.CertificateDays> certificateDays = Optional.empty();
    private String expect = "";
    private String bodyString = "";
    private Optional<BodyRegex> bodyRegex = Optional.empty();
    private int onRedirect = STATE_OK;
    private Optional<Double> warning = Optional.empty();
    private Optional<Double> critical = Optional.empty();
    private int timeout = 10;
    private Optional<HttpOptions.Follow> follow = Optional.empty();
    private int maxRedirects = 15;

    private final boolean utf8Locale;

    private HttpArguments(boolean utf8Locale) {
        this.utf8Locale = utf8Locale;
    }

    /** The check {@code args} ask for, in the C locale. */
    static HttpOptions parse(List<String> args) throws Unsupported {
        return parse(args, false);
    }

    /** The check {@code args} ask for; {@code utf8Locale} when the plugin would run in a UTF-8 locale. */
    static HttpOptions parse(List<String> args, boolean utf8Locale) throws Unsupported {
        HttpArguments a = new HttpArguments(utf8Locale);
        a.read(args);
        return a.options();
    }

    private void read(List<String> args) throws Unsupported {
        ARGUMENTS.read(args, arg -> {
            if (arg.equals("--sni")) {
                sni = true;
            } else if (arg.equals("-S") || arg.equals("--ssl")) {
                enableSsl();
            } else {
                return false;
            }
            return true;
        }, this::apply);
    }

    private void apply(char option, String value) throws Unsupported {
        switch (option) {
            case 'H' -> hostName(value);
            case 'I' -> address = nonEmpty(value, "-I");
            case 'u' -> url = nonEmpty(value, "-u");
            case 'p' -> {
                port = ARGUMENTS.portNumber(value);
                portGiven = true;
            }
            case 'e' -> expect = nonEmpty(value, "-e");
            case 's' -> bodyString = ascii(value, "-s");
            case 'r', 'R' -> bodyRegex = Optional.of(BodyRegex.of(value, option == 'R', utf8Locale)
                    .orElseThrow(() -> ARGUMENTS.unsupported("the regex " + value + " is not built in")));
            case 'w' -> warning = Optional.of(ARGUMENTS.seconds(value, "-w"));
            case 'c' -> critical = Optional.of(ARGUMENTS.seconds(value, "-c"));
            case 't' -> timeout = ARGUMENTS.nonNegative(value, "-t");
            case 'C' -> certificate(value);
            case 'f' -> onRedirect(value);
            case 'j' -> method(value);
            case 'k' -> headers.add(value);
            case 'a' -> basicAuth = value;
            case 'b' -> proxyAuth = value;
            case 'T' -> contentType = value;
            case 'P' -> post(value);
            case 'A' -> userAgent = "User-Agent: " + value;
            case 'X' -> maxRedirects = ARGUMENTS.nonNegative(value, "--max-redirs");
            default -> throw ARGUMENTS.unsupported("option -" + option + " is not built in");
        }
    }

    private void hostName(String value) throws Unsupported {
        if (value.isEmpty() || value.startsWith("[") || value.indexOf(':') != value.lastIndexOf(':')) {
            throw ARGUMENTS.unsupported("-H " + value + " (IPv6 or empty) is not built in");
        }
        int colon = value.indexOf(':');
        hostName = value;
        if (colon >= 0) {
            virtualPort = ARGUMENTS.portNumber(value.substring(colon + 1));
            hostName = value.substring(0, colon);
            if (!portGiven) {
                port = virtualPort;
            }
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
        if (comma < 0) {
            certificateDays = Optional.of(new HttpOptions.CertificateDays(ARGUMENTS.nonNegative(value, "-C"), 0));
        } else {
            certificateDays = Optional.of(new HttpOptions.CertificateDays(
                    ARGUMENTS.nonNegative(value.substring(0, comma), "-C"),
                    ARGUMENTS.nonNegative(value.substring(comma + 1), "-C")));
        }
        enableSsl();
    }

    private void onRedirect(String value) throws Unsupported {
        if (value.equals("follow") || value.equals("sticky") || value.equals("stickyport")) {
            follow = Optional.of(new HttpOptions.Follow(!value.equals("follow"), value.equals("stickyport"), 0));
            return;
        }
        follow = Optional.empty();
        Integer state = REDIRECT_STATES.get(value);
        if (state == null) {
            throw ARGUMENTS.unsupported("-f " + value + " is not an -f check_http knows");
        }
        onRedirect = state;
    }

    private void method(String value) throws Unsupported {
        if (value.isEmpty() || value.contains(":") || value.equals("CONNECT") || !value.chars().allMatch(
                c -> c > 32 && c < 127)) {
            throw ARGUMENTS.unsupported("-j " + value + " is not built in");
        }
        method = value;
    }

    private void post(String value) throws Unsupported {
        if (value.isEmpty() || !value.chars().allMatch(c -> c < 128)) {
            throw ARGUMENTS.unsupported("-P with empty or non-ASCII data is not built in");
        }
        if (postData.isEmpty()) {
            postData = value;
        }
        if (method.isEmpty()) {
            method = "POST";
        }
    }

    private static String ascii(String value, String option) throws Unsupported {
        if (!value.chars().allMatch(c -> c < 128)) {
            throw ARGUMENTS.unsupported(option + " with non-ASCII text is not built in");
        }
        return value;
    }

    private static String nonEmpty(String value, String option) throws Unsupported {
        if (value.isEmpty()) {
            throw ARGUMENTS.unsupported("an empty " + option + " is not built in");
        }
        return value;
    }

    private static Map<String, Character> withPost() {
        Map<String, Character> options = new HashMap<>(PluginArguments.HTTP_LONG_OPTIONS);
        options.put("post", 'P');
        return Map.copyOf(options);
    }

    private HttpOptions options() throws Unsupported {
        if (hostName.isEmpty() && address.isEmpty()) {
            throw ARGUMENTS.unsupported("neither -H nor -I");
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
        }
        return new HttpOptions(address.isEmpty() ? hostName : address, hostName, port, virtualPort, url,
                method.isEmpty() ? "GET" : method, postData, contentType, userAgent, List.copyOf(headers),
                basicAuth, proxyAuth, ssl, sni, certificateDays, expect, bodyString, bodyRegex, onRedirect,
                warning, critical, socketTimeout, "http",
                follow.map(f -> new HttpOptions.Follow(f.stickyHost(), f.stickyPort(), maxRedirects)));
    }
}
