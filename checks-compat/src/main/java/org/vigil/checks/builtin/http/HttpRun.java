package org.vigil.checks.builtin.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * One run of the built-in check_http: its exchanges ({@link HttpExchange}, one more per redirect followed with
 * {@code -f follow}), all within one deadline as the plugin's alarm bounds its whole run, and the result the plugin
 * would give. The plugin's {@code -t} passing first gives its "Socket timeout" text; the engine's timeout passing
 * first gives what the engine makes of a plugin it killed (timed out, no output).
 */
final class HttpRun {

    private static final int TIMED_OUT_EXIT = 143;

    /** When the run began and when its time is up, as {@link System#nanoTime()} values. */
    record Timing(long began, long deadline) {

        /** The seconds since the run began, the plugin's response time. */
        double elapsedSeconds() {
            return (System.nanoTime() - began) / 1e9;
        }
    }

    private HttpRun() {
    }

    /** Starts the run of {@code o} with {@code engineTimeout}; returns at once, the result comes on the event loop. */
    static CompletableFuture<PluginResult> start(HttpOptions o, Clock clock, Duration engineTimeout) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        Duration pluginTimeout = Duration.ofSeconds(o.timeoutSeconds());
        boolean engineFirst = engineTimeout.compareTo(pluginTimeout) < 0;
        Timing timing = new Timing(began, began + (engineFirst ? engineTimeout : pluginTimeout).toNanos());
        CompletableFuture<Optional<HttpVerdict.Outcome>> ended = follow(o, timing, clock, 0)
                .thenApply(Optional::of)
                .exceptionally(failure -> {
                    if (HttpExchange.cause(failure) instanceof IoTimeout) {
                        return Optional.empty();
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                });
        // the alarm also bounds what no single read or write does: the name's lookup
        return BuiltinIo.shared().by(ended, timing.deadline(), Optional::empty)
                .thenApply(outcome -> result(o, outcome, engineFirst, start, clock));
    }

    /** The outcome of asking {@code o}, and of each redirect it leads to. */
    private static CompletableFuture<HttpVerdict.Outcome> follow(HttpOptions o, Timing timing, Clock clock,
                                                                 int redirects) {
        return HttpExchange.ask(o, timing, clock, redirects).thenCompose(outcome -> outcome.next().isPresent()
                ? follow(outcome.next().get(), timing, clock, redirects + 1)
                : CompletableFuture.completedFuture(outcome));
    }

    /** The plugin's result for {@code outcome}, or for the deadline having passed when there is none. */
    private static PluginResult result(HttpOptions o, Optional<HttpVerdict.Outcome> outcome, boolean engineFirst,
                                       Instant start, Clock clock) {
        if (outcome.isEmpty() && engineFirst) {
            return new PluginResult(TIMED_OUT_EXIT, "", "", start, clock.instant(), true, false, null);
        }
        HttpVerdict.Outcome ended = outcome.orElseGet(() -> new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                "CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n"));
        byte[] text = ended.text().getBytes(StandardCharsets.ISO_8859_1);
        return new PluginResult(ended.state(), OutputDecoder.decode(text), "", start, clock.instant(), false,
                false, null);
    }
}
