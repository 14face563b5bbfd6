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
 * One run of the built-in check_curl: its transfer ({@link CurlExchange}) within libcurl's timeout (the plugin's
 * {@code -t}, for the connection and the whole transfer alike), and the result the plugin would give. The timeout
 * passing first gives libcurl's "timed out" text as the plugin prints it; the engine's timeout passing first gives
 * what the engine makes of a plugin it killed (timed out, no output).
 */
final class CurlRun {

    private static final int TIMED_OUT_EXIT = 143;

    private CurlRun() {
    }

    /** Starts the run of {@code o} with {@code engineTimeout}; returns at once, the result comes on the event loop. */
    static CompletableFuture<PluginResult> start(CurlOptions o, Clock clock, Duration engineTimeout) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        Duration pluginTimeout = Duration.ofSeconds(o.timeoutSeconds());
        boolean engineFirst = engineTimeout.compareTo(pluginTimeout) < 0;
        long deadline = began + (engineFirst ? engineTimeout : pluginTimeout).toNanos();
        CurlProgress progress = new CurlProgress(began);
        CompletableFuture<Optional<CurlResult>> ended = CurlExchange.perform(o, progress, deadline)
                .thenApply(Optional::of)
                .exceptionally(failure -> {
                    if (HttpExchange.cause(failure) instanceof IoTimeout) {
                        return Optional.empty();
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                });
        return BuiltinIo.shared().by(ended, deadline, Optional::empty)
                .thenApply(result -> {
                    if (result.isEmpty() && engineFirst) {
                        return new PluginResult(TIMED_OUT_EXIT, "", "", start, clock.instant(), true, false, null);
                    }
                    CurlVerdict.Outcome outcome = outcome(o, result.orElseGet(progress::timedOut), began, clock);
                    byte[] text = outcome.text().getBytes(StandardCharsets.ISO_8859_1);
                    return new PluginResult(outcome.state(), OutputDecoder.decode(text), "", start, clock.instant(),
                            false, false, null);
                });
    }

    private static CurlVerdict.Outcome outcome(CurlOptions o, CurlResult result, long began, Clock clock) {
        if (result instanceof CurlResult.Failure f) {
            String where = "Invalid HTTP response received from host on port " + o.port();
            return new CurlVerdict.Outcome(CurlArguments.STATE_CRITICAL,
                    "HTTP CRITICAL - " + where + ": cURL returned " + f.code() + " - " + f.text() + "\n");
        }
        double total = (System.nanoTime() - began) / 1e9;
        return CurlVerdict.judge(o, (CurlResult.Response) result, total, clock.instant());
    }
}
