package org.vigil.checks.builtin.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request check_http sends, byte for byte: the request line (HTTP/1.1 with a virtual host, else 1.0), its
 * User-Agent, {@code Connection: close}, the Host header (with the port unless it is the scheme's default, or the
 * {@code -k Host:} line in its place), the {@code -k} headers in order, Basic credentials, and the {@code -P} body
 * with its Content-Type and Content-Length.
 */
final class HttpRequestText {

    private static final String CRLF = "\r\n";

    private HttpRequestText() {
    }

    static byte[] of(HttpOptions o) {
        StringBuilder b = new StringBuilder();
        b.append(o.method()).append(' ').append(o.url()).append(' ')
                .append(o.hasHostName() ? "HTTP/1.1" : "HTTP/1.0").append(CRLF);
        b.append(o.userAgent()).append(CRLF);
        b.append("Connection: close").append(CRLF);
        int forcedHost = -1;
        for (int i = 0; i < o.headers().size(); i++) {
            if (o.headers().get(i).startsWith("Host:")) {
                forcedHost = i;
            }
        }
        if (o.hasHostName()) {
            if (forcedHost >= 0) {
                b.append(o.headers().get(forcedHost)).append(CRLF);
            } else if (o.virtualPort() == (o.ssl() ? 443 : 80)) {
                b.append("Host: ").append(o.hostName()).append(CRLF);
            } else {
                b.append("Host: ").append(o.hostName()).append(':').append(o.virtualPort()).append(CRLF);
            }
        }
        for (int i = 0; i < o.headers().size(); i++) {
            // check_http leaves out only the Host: line it used (the last one), also without a virtual host
            if (i != forcedHost) {
                b.append(o.headers().get(i)).append(CRLF);
            }
        }
        if (!o.basicAuth().isEmpty()) {
            b.append("Authorization: Basic ").append(base64(o.basicAuth())).append(CRLF);
        }
        if (!o.proxyAuth().isEmpty()) {
            b.append("Proxy-Authorization: Basic ").append(base64(o.proxyAuth())).append(CRLF);
        }
        if (!o.postData().isEmpty()) {
            b.append("Content-Type: ")
                    .append(o.contentType().isEmpty() ? "application/x-www-form-urlencoded" : o.contentType())
                    .append(CRLF);
            b.append("Content-Length: ").append(o.postData().length()).append(CRLF).append(CRLF);
            b.append(o.postData());
        } else {
            b.append(CRLF);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
