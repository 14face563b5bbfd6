package org.vigil.checks.builtin.curl;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.checks.builtin.http.BodyRegex;

/**
 * What one check_curl command line asks for, after the plugin's own argument rules (defaults, the port {@code -S}
 * and {@code -H host:port} imply, the timeout a larger {@code -c} stretches).
 *
 * @param address where to connect: {@code -I}, else {@code -H}, or a redirect's host: an IPv4 address or a name
 * @param hostName the virtual host ({@code -H}), empty when only {@code -I} was given
 * @param port the TCP port connected to
 * @param virtualPort the port the Host header names when it is not the scheme's default
 * @param url the path requested ({@code -u})
 * @param method the request method ({@code -j}, else {@code GET})
 * @param userAgent the User-Agent header's value
 * @param headers extra header lines ({@code -k}), in order
 * @param basicAuth {@code user:password} for Authorization ({@code -a}), empty for none
 * @param contentType the Content-Type sent with POST and PUT ({@code -T}), empty for libcurl's own
 * @param ssl whether to speak TLS ({@code -S}, {@code -C})
 * @param certificateDays {@code -C}'s warning and critical days, empty without {@code -C}
 * @param expect {@code -e}'s comma-separated status line strings, empty for the plugin's default {@code HTTP/}
 * @param bodyString {@code -s}, empty for none
 * @param bodyRegex {@code -r} or {@code -R}
 * @param onRedirect the state a 3xx gives ({@code -f ok|warning|critical|unknown})
 * @param warning {@code -w} seconds
 * @param critical {@code -c} seconds
 * @param timeoutSeconds libcurl's connect and whole-transfer timeout ({@code -t}, default 10, at least -c + 1)
 * @param follow how redirects are followed ({@code -f follow|sticky|stickyport}), empty when a 3xx is a state
 */
record CurlOptions(String address, String hostName, int port, int virtualPort, String url, String method,
                   String userAgent, List<String> headers, String basicAuth, String contentType, boolean ssl,
                   Optional<CertificateDays> certificateDays, String expect, String bodyString,
                   Optional<BodyRegex> bodyRegex, int onRedirect, Optional<Double> warning,
                   Optional<Double> critical, int timeoutSeconds, Optional<Follow> follow) {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    /** The plugin's own following: which of address and port stay ({@code sticky}, {@code stickyport}), how deep. */
    record Follow(boolean stickyHost, boolean stickyPort, int maxDepth) {
    }

    /** The next hop of a redirect to {@code host:port url}, as the plugin's redir() sets its globals. */
    CurlOptions redirectedTo(boolean toSsl, String host, int toPort, String toUrl) {
        Follow f = follow.orElseThrow();
        int newPort = f.stickyPort() ? port : toPort;
        return new CurlOptions(f.stickyHost() ? address : host, host, newPort, newPort, toUrl, method, userAgent,
                headers, basicAuth, contentType, toSsl, certificateDays, expect, bodyString, bodyRegex, onRedirect,
                warning, critical, timeoutSeconds, follow);
    }

    /** {@code -C warn[,crit]}: days before the certificate's end that make it WARNING, CRITICAL. */
    record CertificateDays(int warning, int critical) {
    }

    boolean hasHostName() {
        return !hostName.isEmpty();
    }

    /** The host the plugin's URL names: the virtual host over TLS (resolved to the address), else the address. */
    String urlHost() {
        return ssl && hasHostName() ? hostName : address;
    }

    /** The host the plugin's texts name: the virtual host, else the address. */
    String shownHost() {
        return hasHostName() ? hostName : address;
    }

    /** The name libcurl sends in the TLS hello: the URL's host when it is a name, none for an address. */
    Optional<String> serverName() {
        return ssl && !isIpv4(urlHost()) ? Optional.of(urlHost()) : Optional.empty();
    }

    static boolean isIpv4(String host) {
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
