package org.vigil.checks.builtin.curl;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** What libcurl's {@code curl_easy_perform} gave the plugin: a response, or an error code with its text. */
sealed interface CurlResult permits CurlResult.Response, CurlResult.Failure, CurlResult.Unresolved {

    /**
     * A whole response as libcurl hands it over: every header line received (interim 1xx blocks too) in
     * {@code header}, the body with its transfer coding undone in {@code body} (bytes as ISO-8859-1 characters),
     * the status code as libcurl read it, and the server certificate of a TLS connection.
     */
    record Response(String header, String body, int code, Optional<X509Certificate> certificate)
            implements CurlResult {
    }

    /** A failed transfer: libcurl's CURLcode and its error buffer's text. */
    record Failure(int code, String text) implements CurlResult {
    }

    /**
     * The plugin's own look-up failed before libcurl ran (over TLS with a virtual host, the plugin resolves the
     * address itself to pin it for libcurl): its whole text.
     */
    record Unresolved(String text) implements CurlResult {
    }
}
