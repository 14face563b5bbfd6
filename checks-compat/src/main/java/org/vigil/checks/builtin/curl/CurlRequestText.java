package org.vigil.checks.builtin.curl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request check_curl's libcurl sends, byte for byte: always HTTP/1.1; Host first (the plugin's own line with a
 * virtual host, else libcurl's from the URL, each with the port unless it is the scheme's default), Basic
 * credentials, libcurl's User-Agent and {@code Accept: *}{@code /*}, then the plugin's {@code Connection: close} and
 * the {@code -k} headers in order.
 */
final class CurlRequestText {

    private static final String CRLF = "\r\n";

    private CurlRequestText() {
    }

    static byte[] of(CurlOptions o) {
        StringBuilder b = new StringBuilder();
        b.append(o.method()).append(' ').append(o.url()).append(" HTTP/1.1").append(CRLF);
        int defaultPort = o.ssl() ? 443 : 80;
        if (o.hasHostName()) {
            b.append("Host: ").append(o.hostName())
                    .append(o.virtualPort() == defaultPort ? "" : ":" + o.virtualPort()).append(CRLF);
        } else {
            b.append("Host: ").append(o.urlHost()).append(o.port() == defaultPort ? "" : ":" + o.port()).append(CRLF);
        }
        if (!o.basicAuth().isEmpty()) {
            b.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    o.basicAuth().getBytes(StandardCharsets.UTF_8))).append(CRLF);
        }
        b.append("User-Agent: ").append(o.userAgent()).append(CRLF);
        b.append("Accept: */*").append(CRLF);
        b.append("Connection: close").append(CRLF);
        for (String header : o.headers()) {
            b.append(header).append(CRLF);
        }
        b.append(CRLF);
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
