package org.vigil.checks.builtin.curl;

/**
 * How far one transfer got, for the text libcurl gives when its timeout passes: during the name's look-up
 * "Resolving timed out", during the connection (TCP and TLS) "Connection timed out", afterwards "Operation timed
 * out" with the body bytes received and, when the response said its length, that length. Written on the event
 * loop, read when the deadline passes.
 */
final class CurlProgress {

    private final long began;
    private volatile boolean resolved;
    private volatile boolean connected;
    private volatile long bodyBytes;
    private volatile long size = -1;

    CurlProgress(long began) {
        this.began = began;
    }

    void resolved() {
        resolved = true;
    }

    void connected() {
        connected = true;
    }

    void received(long bytes) {
        bodyBytes += bytes;
    }

    void expect(long length) {
        size = length;
    }

    /** Milliseconds since the transfer began, as libcurl counts them in its texts. */
    long elapsedMillis() {
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** libcurl's CURLE_OPERATION_TIMEDOUT now. */
    CurlResult.Failure timedOut() {
        long ms = elapsedMillis();
        if (!resolved) {
            return new CurlResult.Failure(28, "Resolving timed out after " + ms + " milliseconds");
        }
        if (!connected) {
            return new CurlResult.Failure(28, "Connection timed out after " + ms + " milliseconds");
        }
        return new CurlResult.Failure(28, "Operation timed out after " + ms + " milliseconds with " + bodyBytes
                + (size >= 0 ? " out of " + size : "") + " bytes received");
    }
}
