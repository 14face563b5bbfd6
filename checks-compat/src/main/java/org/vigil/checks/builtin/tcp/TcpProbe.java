package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.AsyncTls;
import org.vigil.checks.builtin.io.IoTimeout;
import org.vigil.checks.exec.PluginResult;

/**
 * One run of check_tcp: connect, TLS and the certificate's days when asked, send, read the answer ({@link
 * TcpReading}), send the quit string, close, and word the outcome as the plugin does. Each step is a future on
 * {@link org.vigil.checks.builtin.io.BuiltinIo}'s loop, every wait bounded by the plugin's {@code -t} (its alarm)
 * and the engine's timeout ({@link RunLimits}). Text is handled as the plugin's bytes (ISO-8859-1 in Java strings),
 * decoded like a forked plugin's output at the end.
 */
final class TcpProbe {

    private static final String[] STATES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    private final TcpService service;
    private final TcpOptions o;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private RunLimits limits;
    /** The connection once made (TLS once shaken hands), closed when the run ends. */
    private AsyncStream stream;
    private long begin;

    TcpProbe(TcpService service, TcpOptions options) {
        this.service = service;
        this.o = options;
    }

    /** Starts the run; returns at once, the result comes on the event loop. */
    CompletableFuture<PluginResult> start(Duration engineTimeout) {
        limits = RunLimits.startingNow(engineTimeout);
        return Connecting.lookUpThen(o.host(), limits.deadline(), this::connect).handle(this::finish);
    }

    private CompletableFuture<Integer> connect(InetAddress[] addresses) {
        if (addresses == null) {
            print(service.word() + " CRITICAL - Invalid hostname, address or socket: " + bytes(o.host()) + "\n");
            return CompletableFuture.completedFuture(2);
        }
        limits = limits.withAlarm(o.timeoutSeconds());
        begin = System.nanoTime();
        return Connecting.eachAddress(addresses, o.port(), limits.deadline(), CompletableFuture::completedFuture,
                error -> {
                    print("connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
                    return null;
                }).thenCompose(connected -> {
                    if (connected == null) {
                        return CompletableFuture.completedFuture(o.refuseState());
                    }
                    stream = connected;
                    return o.tls() ? handshake() : converse();
                });
    }

    private CompletableFuture<Integer> handshake() {
        return AsyncTls.handshake(stream, PluginTls.clientEngine(), limits.deadline()).handle((tls, failure) -> {
            if (failure == null) {
                stream = tls;
                return certificate(tls);
            }
            if (Connecting.cause(failure) instanceof IoTimeout || limits.passed()) {
                return CompletableFuture.<Integer>failedFuture(new IoTimeout());
            }
            print("CRITICAL - Cannot make SSL connection.\n");
            return CompletableFuture.completedFuture(2);
        }).thenCompose(next -> next);
    }

    /** {@code -D}: the certificate's days, printed before the status line; a state but OK ends the run. */
    private CompletableFuture<Integer> certificate(AsyncTls tls) {
        if (o.certDays() != null) {
            X509Certificate cert;
            try {
                cert = (X509Certificate) tls.session().getPeerCertificates()[0];
            } catch (SSLPeerUnverifiedException e) {
                return CompletableFuture.failedFuture(e);
            }
            CertificateExpiry.Verdict v = CertificateExpiry.judge(cert, o.certDays()[0], o.certDays()[1],
                    Instant.now());
            print(bytes(v.line()) + "\n");
            if (v.state() != 0) {
                return CompletableFuture.completedFuture(v.state());
            }
        }
        return converse();
    }

    private CompletableFuture<Integer> converse() {
        CompletableFuture<TcpReading.Answer> answer = send(o.send()).thenCompose(sent -> o.expects().isEmpty()
                ? CompletableFuture.completedFuture(null) : TcpReading.read(o, limits, stream));
        return answer.thenCompose(a -> {
            TcpReading.Match match = TcpReading.Match.NONE;
            String status = "";
            if (a != null) {
                match = a.match() == TcpReading.Match.RETRY ? TcpReading.Match.FAILURE : a.match();
                if (a.received().isEmpty()) {
                    print("No data received from host\n");
                    return CompletableFuture.completedFuture(2);
                }
                status = a.received();
            }
            TcpReading.Match matched = match;
            String received = status;
            return send(o.quit()).thenApply(sent -> {
                close();
                double elapsed = (System.nanoTime() - begin) / 1000 / 1.0e6;
                return report(matched, received, elapsed);
            });
        });
    }

    private CompletableFuture<Void> send(String text) {
        if (text == null) {
            return CompletableFuture.completedFuture(null);
        }
        return stream.write(ByteBuffer.wrap(bytes(text).getBytes(StandardCharsets.ISO_8859_1)), limits.deadline());
    }

    /**
     * The run's end: its code, the plugin's timeout line when the alarm rang, the killed plugin's result when the
     * engine's timeout came first; a failed write (or certificate read) ends it CRITICAL with what was printed.
     */
    private PluginResult finish(Integer code, Throwable failure) {
        close();
        Throwable cause = Connecting.cause(failure);
        int exit = code == null ? 2 : code;
        if (cause instanceof IoTimeout) {
            if (limits.engineFirst()) {
                return limits.killed();
            }
            print("CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n");
        } else if (cause != null && !(cause instanceof IOException)) {
            throw new CompletionException(cause);
        }
        return limits.exited(exit, out);
    }

    private void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private int report(TcpReading.Match match, String received, double elapsed) {
        int result = 0;
        if (o.critical() != null && elapsed > o.critical()) {
            result = 2;
        } else if (o.warning() != null && elapsed > o.warning()) {
            result = 1;
        }
        boolean failed = match == TcpReading.Match.FAILURE;
        if (failed && result != 2) {
            result = o.mismatchState();
        }
        // the plugin strips trailing white space down to, never including, the first byte, and prints up to a NUL
        int last = received.length();
        while (--last > 0 && isSpace(received.charAt(last))) {
            received = received.substring(0, last);
        }
        boolean shown = last > 0;
        int nul = received.indexOf('\0');
        String status = nul < 0 ? received : received.substring(0, nul);
        StringBuilder line = new StringBuilder(service.word()).append(' ').append(STATES[result]).append(" - ");
        String where = o.hostGiven() ? bytes(o.host()) + " port " + o.port() : "port " + o.port();
        if (failed && shown && !o.hideOutput()) {
            line.append("Unexpected response from host/socket: ").append(status);
        } else if (failed) {
            line.append("Unexpected response from host/socket on ").append(where);
        } else {
            line.append(String.format(Locale.ROOT, "%.3f second response time on ", elapsed)).append(where);
        }
        if (!failed && !o.hideOutput() && shown) {
            line.append(" [").append(status).append(']');
        }
        line.append("|time=").append(String.format(Locale.ROOT, "%fs;", elapsed));
        if (o.warning() != null) {
            line.append(String.format(Locale.ROOT, "%f", failed ? 0.0 : o.warning()));
        }
        line.append(';');
        if (o.critical() != null) {
            line.append(String.format(Locale.ROOT, "%f", failed ? 0.0 : o.critical()));
        }
        line.append(String.format(Locale.ROOT, ";%f;%f%n", 0.0, (double) o.timeoutSeconds()));
        print(line.toString());
        return result;
    }

    /** An argument's text as the bytes the plugin sees (UTF-8), one char per byte. */
    static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** Appends to the plugin's stdout; {@code text} is bytes, one char each (see {@link #bytes}). */
    private void print(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
