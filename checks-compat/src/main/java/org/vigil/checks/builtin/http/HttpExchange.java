package org.vigil.checks.builtin.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.AsyncTls;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * One connection of a check_http run, on the event loop: resolve, connect (each address in turn, as the plugin's
 * getaddrinfo loop), the TLS handshake with {@code -S} or {@code -C}, the certificate's verdict when {@code -C} asks
 * for it (the run ends there, as the plugin's does), else the request sent ({@link HttpRequestText}), the response
 * read to the server's close ({@link ResponseReader}) and judged ({@link HttpVerdict}). Every step is bounded by the
 * run's deadline; its passing fails the exchange with {@link IoTimeout}, which {@link HttpRun} reports. Any other
 * failure of the target is an {@link HttpVerdict.Outcome} with the plugin's text.
 */
public final class HttpExchange {

    private final HttpOptions o;
    private final HttpRun.Timing timing;
    private final Clock clock;
    private final int redirects;

    private HttpExchange(HttpOptions o, HttpRun.Timing timing, Clock clock, int redirects) {
        this.o = o;
        this.timing = timing;
        this.clock = clock;
        this.redirects = redirects;
    }

    /** The outcome of asking {@code o}'s server, the request after {@code redirects} redirects. */
    static CompletableFuture<HttpVerdict.Outcome> ask(HttpOptions o, HttpRun.Timing timing, Clock clock,
                                                      int redirects) {
        return new HttpExchange(o, timing, clock, redirects).open();
    }

    private CompletableFuture<HttpVerdict.Outcome> open() {
        return BuiltinIo.shared().resolve(o.address())
                .thenCompose(addresses -> connect(addresses, 0, null))
                .handle((stream, failure) -> failure == null ? secure(stream) : unopened(cause(failure)))
                .thenCompose(Function.identity());
    }

    /** Connects to the first address that takes it; the refusal that the plugin reports when none does. */
    private CompletableFuture<AsyncStream> connect(InetAddress[] addresses, int i, IOException last) {
        if (i == addresses.length) {
            return CompletableFuture.failedFuture(last == null ? new IOException("no address") : last);
        }
        return BuiltinIo.shared().connect(new InetSocketAddress(addresses[i], o.port()), timing.deadline())
                .handle((stream, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(stream);
                    }
                    Throwable cause = cause(failure);
                    if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
                        return CompletableFuture.<AsyncStream>failedFuture(cause);
                    }
                    IOException e = (IOException) cause;
                    return connect(addresses, i + 1, last == null || e instanceof ConnectException ? e : last);
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<HttpVerdict.Outcome> unopened(Throwable failure) {
        if (failure instanceof UnknownHostException) {
            return done(unableToOpen("Name or service not known\n"));
        } else if (failure instanceof ConnectException) {
            return done(unableToOpen("connect to address " + o.address() + " and port " + o.port()
                    + ": Connection refused\n"));
        } else if (failure instanceof IOException && !(failure instanceof IoTimeout)) {
            return done(unableToOpen(""));
        }
        return CompletableFuture.failedFuture(failure);
    }

    /** Shakes hands when the run is over TLS, then asks or reads the certificate. */
    private CompletableFuture<HttpVerdict.Outcome> secure(AsyncStream plain) {
        if (!o.ssl()) {
            return converse(plain);
        }
        return AsyncTls.handshake(plain, TrustingTls.engine(o), timing.deadline())
                .handle((tls, failure) -> {
                    if (failure == null) {
                        return o.certificateDays().isPresent() ? certificate(tls) : converse(tls);
                    }
                    plain.close();
                    Throwable cause = cause(failure);
                    if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
                        return CompletableFuture.<HttpVerdict.Outcome>failedFuture(cause);
                    }
                    return done(new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                            "CRITICAL - Cannot make SSL connection.\n"));
                })
                .thenCompose(Function.identity());
    }

    /** {@code -C}: the server certificate's verdict, with no request sent. */
    private CompletableFuture<HttpVerdict.Outcome> certificate(AsyncTls tls) {
        try {
            return done(CertificateExpiry.judge((X509Certificate) tls.session().getPeerCertificates()[0],
                    o.certificateDays().get(), clock.instant()));
        } catch (SSLPeerUnverifiedException e) {
            return done(errorOnReceive());
        } finally {
            tls.close();
        }
    }

    /** Sends the request, reads the response to its end and judges it. */
    private CompletableFuture<HttpVerdict.Outcome> converse(AsyncStream stream) {
        return stream.write(ByteBuffer.wrap(HttpRequestText.of(o)), timing.deadline())
                .thenCompose(v -> ResponseReader.readAll(stream, timing.deadline()))
                .handle((page, failure) -> {
                    stream.close();
                    if (failure == null) {
                        return done(judge(page));
                    }
                    Throwable cause = cause(failure);
                    if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
                        return CompletableFuture.<HttpVerdict.Outcome>failedFuture(cause);
                    }
                    return done(errorOnReceive());
                })
                .thenCompose(Function.identity());
    }

    private HttpVerdict.Outcome judge(Optional<String> page) {
        if (page.isEmpty()) {
            return errorOnReceive();
        }
        if (page.get().isEmpty()) {
            return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                    "HTTP CRITICAL - No data received from host\n");
        }
        return HttpVerdict.judge(o, page.get(), timing.elapsedSeconds(), redirects);
    }

    private static HttpVerdict.Outcome errorOnReceive() {
        return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL, "HTTP CRITICAL - Error on receive\n");
    }

    private static HttpVerdict.Outcome unableToOpen(String before) {
        return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                before + "HTTP CRITICAL - Unable to open TCP socket\n");
    }

    private static CompletableFuture<HttpVerdict.Outcome> done(HttpVerdict.Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** What failed, without the wrapping of the futures it went through. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
