package org.vigil.checks.builtin.curl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request check_curl's libcurl sends, byte for byte: always HTTP/1.1, the path as libcurl normalizes it; Host
 * first (the plugin's own line with a virtual host, else libcurl's from the URL, each with the port unless it is the
 * scheme's default), Basic credentials, libcurl's User-Agent and {@code Accept: *}{@code /*}, then the plugin's
 * {@code Connection: close} and the {@code -k} headers in order; for POST and PUT (with no body: {@code -P} is not
 * built in) {@code -T}'s Content-Type and libcurl's {@code Content-Length: 0} (and its form type for POST).
 */
final class CurlRequestText {

    private static final String CRLF = "\r\n";

    private CurlRequestText() {
    }

    /** The path as libcurl's URL parser sends it: "/" for none, dot segments removed (RFC 3986, 5.2.4). */
    static String path(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        StringBuilder out = new StringBuilder();
        String in = path;
        while (!in.isEmpty()) {
            if (in.startsWith("../") || in.startsWith("./")) {
                in = in.substring(in.indexOf('/') + 1);
            } else if (in.startsWith("/./") || in.equals("/.")) {
                in = "/" + in.substring(Math.min(3, in.length()));
            } else if (in.startsWith("/../") || in.equals("/..")) {
                in = "/" + in.substring(Math.min(4, in.length()));
                int last = out.lastIndexOf("/");
                out.setLength(Math.max(last, 0));
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                String segment = next < 0 ? in : in.substring(0, next);
                out.append(segment);
                in = next < 0 ? "" : in.substring(next);
            }
        }
        return (out.length() == 0 ? "/" : out.toString()) + rest;
    }

    static byte[] of(CurlOptions o) {
        StringBuilder b = new StringBuilder();
        b.append(o.method()).append(' ').append(path(o.url())).append(" HTTP/1.1").append(CRLF);
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
        if (o.method().equals("POST") || o.method().equals("PUT")) {
            // an empty body: the plugin's -T as a header of its own, then libcurl's length (and its type for POST)
            if (!o.contentType().isEmpty()) {
                b.append("Content-Type: ").append(o.contentType()).append(CRLF);
            }
            b.append("Content-Length: 0").append(CRLF);
            if (o.method().equals("POST") && o.contentType().isEmpty()) {
                b.append("Content-Type: application/x-www-form-urlencoded").append(CRLF);
            }
        }
        b.append(CRLF);
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
