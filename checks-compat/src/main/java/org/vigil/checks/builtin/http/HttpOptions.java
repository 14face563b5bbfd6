package org.vigil.checks.builtin.http;

import java.util.List;
import java.util.Optional;

/**
 * What one check_http command line asks for, after check_http's own argument rules (defaults, the port that
 * {@code -S} and {@code -H host:port} imply, the timeout a larger {@code -c} stretches).
 *
 * @param address where to connect ({@code -I}, else {@code -H})
 * @param hostName the virtual host ({@code -H}), empty when only {@code -I} was given: then the request is HTTP/1.0
 * @param port the TCP port connected to
 * @param virtualPort the port named in the Host header when it is not the scheme's default
 * @param url the path requested ({@code -u})
 * @param method the request method ({@code -j}, {@code POST} with {@code -P}, else {@code GET})
 * @param postData the request body ({@code -P}), empty for none
 * @param contentType the body's type ({@code -T})
 * @param userAgent the User-Agent header line
 * @param headers extra header lines ({@code -k}), in order
 * @param basicAuth {@code user:password} for Authorization ({@code -a}), empty for none
 * @param proxyAuth {@code user:password} for Proxy-Authorization ({@code -b}), empty for none
 * @param ssl whether to speak TLS ({@code -S}, {@code -C})
 * @param sni whether to name {@code hostName} in the TLS handshake ({@code --sni})
 * @param certificateDays {@code -C}'s warning and critical days, empty without {@code -C}
 * @param expect {@code -e}'s comma-separated status line strings, empty for check_http's default
 * @param bodyString {@code -s}, empty for none
 * @param bodyRegex {@code -r} or {@code -R}, translated to Java
 * @param onRedirect the state a 3xx gives ({@code -f ok|warning|critical|unknown})
 * @param warning {@code -w} seconds
 * @param critical {@code -c} seconds
 * @param timeoutSeconds the socket timeout ({@code -t}, default 10, at least {@code -c} + 1)
 * @param serverType the scheme check_http names in its redirect texts: "http" until a redirect named another
 * @param follow how redirects are followed ({@code -f follow|sticky|stickyport}), empty when a 3xx is a state
 */
record HttpOptions(String address, String hostName, int port, int virtualPort, String url, String method,
                   String postData, String contentType, String userAgent, List<String> headers, String basicAuth,
                   String proxyAuth, boolean ssl, boolean sni, Optional<CertificateDays> certificateDays,
                   String expect, String bodyString, Optional<BodyRegex> bodyRegex, int onRedirect,
                   Optional<Double> warning, Optional<Double> critical, int timeoutSeconds, String serverType,
                   Optional<Follow> follow) {

    /** {@code -f follow} (neither sticky), {@code sticky} (the address stays), {@code stickyport} (and the port). */
    record Follow(boolean stickyHost, boolean stickyPort, int maxDepth) {
    }

    /** The next hop of a redirect to {@code type://host:port url}, as check_http's redir() sets its globals. */
    HttpOptions redirectedTo(String type, boolean toSsl, String host, int toPort, String toUrl) {
        Follow f = follow.orElseThrow();
        String newAddress = f.stickyHost() ? address : host;
        int newPort = f.stickyPort() ? port : toPort;
        return new HttpOptions(newAddress, host, newPort, newPort, toUrl, method, postData, contentType, userAgent,
                headers, basicAuth, proxyAuth, toSsl, sni, certificateDays, expect, bodyString, bodyRegex,
                onRedirect, warning, critical, timeoutSeconds, type, follow);
    }

    /** {@code -C warn[,crit]}: days before the certificate's end that make it WARNING, CRITICAL. */
    record CertificateDays(int warning, int critical) {
    }

    /** Whether the request line says HTTP/1.1 and a Host header goes with it. */
    boolean hasHostName() {
        return !hostName.isEmpty();
    }

    /** The host the plugin's texts name: the virtual host, else the address. */
    String shownHost() {
        return hasHostName() ? hostName : address;
    }
}
