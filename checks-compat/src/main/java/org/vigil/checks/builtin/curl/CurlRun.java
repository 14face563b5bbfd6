package org.vigil.checks.builtin.curl;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.http.HttpExchange;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * One run of the built-in check_curl: its transfers ({@link CurlExchange}, one more per redirect followed with
 * {@code -f follow}), each within libcurl's timeout (the plugin's {@code -t}, for the connection and the whole
 * transfer alike; the plugin gives each redirect's transfer a handle, and a timeout, of its own), and the result the
 * plugin would give. The timeout passing gives libcurl's "timed out" text as the plugin prints it; the engine's
 * timeout passing first gives what the engine makes of a plugin it killed (timed out, no output).
 */
final class CurlRun {

    private static final int TIMED_OUT_EXIT = 143;

    private final Clock clock;
    private final long engineDeadline;

    private CurlRun(Clock clock, long engineDeadline) {
        this.clock = clock;
        this.engineDeadline = engineDeadline;
    }

    /** Starts the run of {@code o} with {@code engineTimeout}; returns at once, the result comes on the event loop. */
    static CompletableFuture<PluginResult> start(CurlOptions o, Clock clock, Duration engineTimeout) {
        Instant start = clock.instant();
        long engineDeadline = System.nanoTime() + engineTimeout.toNanos();
        CompletableFuture<Optional<CurlVerdict.Outcome>> ended = new CurlRun(clock, engineDeadline).hop(o, 0);
        return BuiltinIo.shared().by(ended, engineDeadline, Optional::empty)
                .thenApply(outcome -> {
                    if (outcome.isEmpty()) {
                        return new PluginResult(TIMED_OUT_EXIT, "", "", start, clock.instant(), true, false, null);
                    }
                    byte[] text = outcome.get().text().getBytes(StandardCharsets.ISO_8859_1);
                    return new PluginResult(outcome.get().state(), OutputDecoder.decode(text), "", start,
                            clock.instant(), false, false, null);
                });
    }

    /** The outcome of the transfer of {@code o} and of the redirects it leads to; empty when the engine's time ends. */
    private CompletableFuture<Optional<CurlVerdict.Outcome>> hop(CurlOptions o, int redirects) {
        long began = System.nanoTime();
        long pluginDeadline = began + Duration.ofSeconds(o.timeoutSeconds()).toNanos();
        boolean engineFirst = engineDeadline - pluginDeadline < 0;
        long deadline = engineFirst ? engineDeadline : pluginDeadline;
        CurlProgress progress = new CurlProgress(began);
        CompletableFuture<Optional<CurlResult>> performed = CurlExchange.perform(o, progress, deadline)
                .thenApply(Optional::of)
                .exceptionally(failure -> {
                    if (HttpExchange.cause(failure) instanceof IoTimeout) {
                        return Optional.empty();
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                });
        // libcurl's timeout also bounds what no single read or write does: the name's look-up
        return BuiltinIo.shared().by(performed, deadline, Optional::empty)
                .thenCompose(result -> {
                    if (result.isEmpty() && engineFirst) {
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                    CurlVerdict.Outcome outcome = outcome(o, result.orElseGet(progress::timedOut), began, redirects);
                    return outcome.next().isPresent() ? hop(outcome.next().get(), redirects + 1)
                            : CompletableFuture.completedFuture(Optional.of(outcome));
                });
    }

    private CurlVerdict.Outcome outcome(CurlOptions o, CurlResult result, long began, int redirects) {
        if (result instanceof CurlResult.Unresolved u) {
            return new CurlVerdict.Outcome(CurlArguments.STATE_CRITICAL, u.text());
        }
        if (result instanceof CurlResult.Failure f) {
            return new CurlVerdict.Outcome(CurlArguments.STATE_CRITICAL, "HTTP CRITICAL - Invalid HTTP response "
                    + "received from host on port " + o.port() + ": cURL returned " + f.code() + " - " + f.text()
                    + "\n");
        }
        double total = (System.nanoTime() - began) / 1e9;
        return CurlVerdict.judge(o, (CurlResult.Response) result, total, clock.instant(), redirects);
    }
}
