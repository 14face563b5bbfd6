package org.vigil.checks.builtin.curl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.vigil.checks.builtin.http.HttpExchange;
import org.vigil.checks.builtin.http.TrustingTls;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.AsyncTls;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * One check_curl transfer on the event loop, as libcurl performs it: connect to the address, the TLS handshake
 * (trusting any certificate, as the plugin asks without {@code -D}; the server named when the URL's host is a
 * name), the request ({@link CurlRequestText}), the response ({@link CurlResponseReader}). A failure of the target
 * is a {@link CurlResult.Failure} with libcurl's code and text; the deadline passing fails the transfer with
 * {@link IoTimeout}, which {@link CurlRun} reports from the {@link CurlProgress}.
 */
final class CurlExchange {

    private final CurlOptions o;
    private final CurlProgress progress;
    private final long deadline;

    private CurlExchange(CurlOptions o, CurlProgress progress, long deadline) {
        this.o = o;
        this.progress = progress;
        this.deadline = deadline;
    }

    static CompletableFuture<CurlResult> perform(CurlOptions o, CurlProgress progress, long deadline) {
        return new CurlExchange(o, progress, deadline).connect();
    }

    private CompletableFuture<CurlResult> connect() {
        return BuiltinIo.shared().resolve(o.address())
                .handle((addresses, failure) -> {
                    if (failure != null) {
                        return failed(failure, e -> unresolved());
                    }
                    progress.resolved();
                    return connect(addresses, 0);
                })
                .thenCompose(Function.identity());
    }

    /** Connects to the first of {@code addresses} from {@code i} on that takes it, as libcurl tries them. */
    private CompletableFuture<CurlResult> connect(InetAddress[] addresses, int i) {
        return BuiltinIo.shared().connect(new InetSocketAddress(addresses[i], o.port()), deadline)
                .handle((stream, failure) -> {
                    if (failure == null) {
                        return secure(stream);
                    }
                    if (i + 1 < addresses.length && !(HttpExchange.cause(failure) instanceof IoTimeout)) {
                        return connect(addresses, i + 1);
                    }
                    return failed(failure, e -> new CurlResult.Failure(7, "Failed to connect to " + o.urlHost()
                            + " port " + o.port() + " after " + progress.elapsedMillis()
                            + " ms: Couldn't connect to server"));
                })
                .thenCompose(Function.identity());
    }

    /**
     * A name that does not resolve: libcurl's text, or over TLS with a virtual host the plugin's own (it looks the
     * address up itself there; glibc's EAI_NONAME, whatever the resolver's reason).
     */
    private CurlResult unresolved() {
        if (o.ssl() && o.hasHostName()) {
            return new CurlResult.Unresolved("HTTP CRITICAL - Unable to lookup IP address for '" + o.address()
                    + "': getaddrinfo returned -2 - Name or service not known\n");
        }
        return new CurlResult.Failure(6, "Could not resolve host: " + o.address());
    }

    private CompletableFuture<CurlResult> secure(AsyncStream plain) {
        if (!o.ssl()) {
            progress.connected();
            return converse(plain, Optional.empty());
        }
        return AsyncTls.handshake(plain, TrustingTls.engine(o.address(), o.port(), o.serverName()), deadline)
                .handle((tls, failure) -> {
                    if (failure != null) {
                        plain.close();
                        return failed(failure, e -> new CurlResult.Failure(35, "SSL connect error"));
                    }
                    progress.connected();
                    return converse(tls, peerCertificate(tls));
                })
                .thenCompose(Function.identity());
    }

    private static Optional<X509Certificate> peerCertificate(AsyncTls tls) {
        try {
            Certificate[] chain = tls.session().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private CompletableFuture<CurlResult> converse(AsyncStream stream, Optional<X509Certificate> certificate) {
        return stream.write(ByteBuffer.wrap(CurlRequestText.of(o)), deadline)
                .handle((v, failure) -> {
                    if (failure != null) {
                        stream.close();
                        return failed(failure, e -> new CurlResult.Failure(55, "Send failure: " + e.getMessage()));
                    }
                    return CurlResponseReader.read(stream, deadline, o.method().equals("HEAD"), progress,
                                    certificate)
                            .whenComplete((r, f) -> stream.close());
                })
                .thenCompose(Function.identity());
    }

    /** A failed step: the timeout (or a bug) passed on, any other I/O failure made {@code asResult}'s result. */
    private static CompletableFuture<CurlResult> failed(Throwable failure,
                                                        Function<IOException, CurlResult> asResult) {
        Throwable cause = HttpExchange.cause(failure);
        if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
            return CompletableFuture.failedFuture(cause);
        }
        return CompletableFuture.completedFuture(asResult.apply((IOException) cause));
    }
}
